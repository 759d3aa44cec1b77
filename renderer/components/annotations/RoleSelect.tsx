// Root cause / contributing factor for an event or a divergence, with its history.
import type { Role, TargetType } from '../../../shared/annotations';
import { useServices } from '../../state/context';
import { HistoryList } from './HistoryList';
import { historyOf } from './logic';
import { useAnnotations, writeAnnotation } from './useAnnotations';

export function RoleSelect({ type, id }: { type: TargetType; id: string }) {
  const services = useServices();
  const { current, history } = useAnnotations();
  const annId = `role:${type}:${id}`;
  const role = current.find((a) => a.id === annId)?.role ?? 'none';
  return (
    <div className="role-select">
      <label>
        Role{' '}
        <select data-testid="role-select" value={role} onChange={(e) => void writeAnnotation(services, { verb: 'markRole', target: { type, id }, role: e.target.value as Role, reason: '' })}>
          <option value="none">not marked</option>
          <option value="root_cause">root cause</option>
          <option value="contributing">contributing factor</option>
        </select>
      </label>
      <HistoryList versions={historyOf(history, annId)} />
    </div>
  );
}
