import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen';
import { useOpenedFiles } from '../features/home/use-opened-files';
import { Toasts } from '../features/common/Toasts';
import { ErrorBoundary } from '../features/common/ErrorBoundary';
import { useRoute } from '../state/route';
import { useNativeMenu } from './use-native-menu';
import { useHostFollowsLanguage } from '../hooks/use-host-language';
import { ProjectorScreen, usePreloadScreens, WorkshopScreen } from './lazy-screens';

export function App() {
  const route = useRoute();
  // The projector window shows; the moderator's window imports what the app was opened with.
  useOpenedFiles(route.screen !== 'projector');
  useNativeMenu(route, route.screen !== 'projector');
  useHostFollowsLanguage();
  const preloadScreens = usePreloadScreens();
  return (
    <>
      {route.screen === 'home' && (
        <ErrorBoundary area="home" size="screen">
          <HomeScreen onListShown={preloadScreens} />
        </ErrorBoundary>
      )}
      {route.screen === 'workshop' && (
        <ErrorBoundary key={route.id} area="workshop" size="screen" backHome>
          <Suspense fallback={<ScreenLoading />}>
            <WorkshopScreen id={route.id} />
          </Suspense>
        </ErrorBoundary>
      )}
      {route.screen === 'projector' && (
        <ErrorBoundary key={route.id} area="projector" size="screen">
          <Suspense fallback={<ScreenLoading />}>
            <ProjectorScreen id={route.id} />
          </Suspense>
        </ErrorBoundary>
      )}
      <ErrorBoundary area="toasts">
        <Toasts />
      </ErrorBoundary>
    </>
  );
}

/** While a screen's code arrives (once per start, usually preloaded by then): what the screen itself shows while its workshop loads. */
function ScreenLoading() {
  const { t } = useTranslation();
  return <p className="screen-message muted">{t('common.loading')}</p>;
}
