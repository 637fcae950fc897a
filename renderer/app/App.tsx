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
          <WorkshopScreen id={route.id} />
        </ErrorBoundary>
      )}
      {route.screen === 'projector' && (
        <ErrorBoundary key={route.id} area="projector" size="screen">
          <ProjectorScreen id={route.id} />
        </ErrorBoundary>
      )}
      <ErrorBoundary area="toasts">
        <Toasts />
      </ErrorBoundary>
    </>
  );
}
