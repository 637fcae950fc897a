import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreen } from '../features/home/HomeScreen';
import { ProjectorScreen } from '../features/projector/ProjectorScreen';
import { WorkshopScreen } from '../features/workshop/WorkshopScreen';
import { Toasts } from '../features/common/Toasts';
import { useRoute } from '../state/route';

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
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
