import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen';
import { useOpenedFiles } from '../features/home/use-opened-files';
import { ProjectorScreen } from '../features/projector/ProjectorScreen';
import { WorkshopScreen } from '../features/workshop/WorkshopScreen';
import { Toasts } from '../features/common/Toasts';
import { useRoute } from '../state/route';

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  // The projector window shows; the moderator's window imports what the app was opened with.
  useOpenedFiles(route.screen !== 'projector');
  useEffect(() => {
    document.title = t('app.windowTitle');
  }, [t]);
  return (
    <>
      {route.screen === 'home' && <HomeScreen />}
      {route.screen === 'workshop' && <WorkshopScreen key={route.id} id={route.id} />}
      {route.screen === 'projector' && <ProjectorScreen key={route.id} id={route.id} />}
      <Toasts />
    </>
  );
}
