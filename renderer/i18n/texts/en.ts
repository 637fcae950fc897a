import { mergeAreas } from '../languages';

/** The UI's texts in one language: a module of its own, so the app loads only the language it shows. */
export default mergeAreas(import.meta.glob('../../../shared/i18n/locales/en/*.json', { eager: true, import: 'default' }), 'en');
