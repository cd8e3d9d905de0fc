import { useToggles } from './toggles';

export function Settings() {
  const { darkMode, 'font-scaling': scaling, autosave = true, ...rest } = useToggles();
  const toggles = useToggles();
  return (
    <div>
      {darkMode && scaling && autosave && toggles.compactLayout && toggles['high-contrast'] && useToggles().beta && rest}
    </div>
  );
}
