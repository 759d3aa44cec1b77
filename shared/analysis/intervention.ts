// When the damage began, when people knew, when and how the agent was stopped, and what stopping it
// earlier would have prevented.
import type { Counterfactual, Divergence, Intervention } from './types';
import { clock, iso, msBetween } from './context';
import type { AgentAction } from './actions';
import type { ChainResult } from './chain';

export function findIntervention(actions: AgentAction[], divergences: Divergence[], chain: ChainResult): Intervention {
  const first = [...divergences].sort((a, b) => a.action.ts.localeCompare(b.action.ts))[0];
  const impact = chain.impact?.ts ?? null;
  const stop = chain.stop;
  const after = impact === null ? [] : actions.filter((a) => a.event.ts > impact);
  return {
    first_divergence: first?.action.ts ?? null,
    first_impact: impact === null ? null : iso(impact),
    first_alert: chain.alert ? iso(chain.alert.ts) : null,
    stopped_at: stop ? iso(stop.ts) : null,
    stopped_by: stop?.actor ?? null,
    how: chain.nodes.find((n) => stop && n.id === `ev:${stop.id}`)?.label.replace(/^.*? stops the agent: /, '') ?? null,
    kept_acting_ms: impact !== null && stop ? msBetween(impact, stop.ts) : null,
    actions_after_first_impact: after.length,
    counterfactual: counterfactuals(actions, first, chain),
  };
}

function counterfactuals(actions: AgentAction[], first: Divergence | undefined, chain: ChainResult): Counterfactual[] {
  const out: Counterfactual[] = [];
  const avoided = (from: bigint) => actions.filter((a) => a.event.ts >= from);
  if (first) {
    const at = actions.find((a) => a.event.id === first.action.event_id)?.event.ts;
    if (at !== undefined) {
      const list = avoided(at);
      out.push({
        if_stopped_at: 'first_divergence', ts: iso(at), avoided_actions: list.map((a) => a.event.id),
        statement: `Stopping the agent at its first divergent action (${clock(at)}) would have prevented ${list.length} write(s) (${list.map((a) => `${a.verb} ${a.resource}`).join(', ')})${chain.impact ? ' and, with them, the impact that began at ' + clock(chain.impact.ts) : ''}.`,
      });
    }
  }
  if (chain.alert) {
    const list = avoided(chain.alert.ts);
    out.push({
      if_stopped_at: 'first_alert', ts: iso(chain.alert.ts), avoided_actions: list.map((a) => a.event.id),
      statement: list.length
        ? `Stopping the agent at the first alert (${clock(chain.alert.ts)}) would have prevented ${list.length} further write(s): ${list.map((a) => `${a.verb} ${a.resource}`).join(', ')}.`
        : `By the first alert (${clock(chain.alert.ts)}) the agent had made all its writes; stopping it then would have prevented none.`,
    });
  }
  return out;
}
