import { describe, expect, it } from 'vitest';
import { showText } from '../../../src/render/cop/show.js';
import { copView } from '../../../src/view/build.js';
import { charter, output, people, workspace } from '../../helpers/workspace.js';

const AS_OF = '2026-11-20';
const context = { asOf: AS_OF, currency: 'GBP', policy: { minMembers: 5, minParticipants: 5 } };
const shown = (outputs: ReturnType<typeof output>[]) => showText(copView(workspace({ people: people(5), cops: { alpha: { charter: charter('alpha'), outputs } } }), 'alpha', AS_OF)!, context, false, 120);

describe('cop show: outputs', () => {
  it('lists each output with its kind, audience, hours, link and hand-off', () => {
    const text = shown([
      output('2026-09-01', { title: 'Guide', hours: [{ person: 'p1', hours: 2.5 }], handoff: { to: 'training', status: 'proposed' } }),
      output('2026-10-02', { title: 'Talk', kind: 'talk', audience: 'public', url: 'https://talks.example.com/x', handoff: { to: 'innovation', status: 'declined', decided: '2026-10-20' } }),
    ]);
    const lines = text.split('\n');
    const at = lines.indexOf('Outputs (2)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  2026-10-02  Talk  · talk, public · to Innovation: declined 2026-10-20',
      '              https://talks.example.com/x',
      '  2026-09-01  Guide  · written-show-and-tell, internal, 2.5 h · to Training: proposed',
    ]);
  });

  it('says when there are none, and lists the last five of more', () => {
    expect(shown([]).split('\n')).toContain('  none recorded');
    const text = shown(['01', '02', '03', '04', '05', '06', '07'].map((day) => output(`2026-10-${day}`, { title: `Note ${day}` })));
    // The Outputs section alone (the health evidence further down lists the months' outputs too).
    const many = text.slice(text.indexOf('Outputs (7)'), text.indexOf('\n\n', text.indexOf('Outputs (7)')));
    expect(many).toContain('Note 07');
    expect(many).toContain('Note 03');
    expect(many).not.toContain('Note 02');
    expect(many).toContain('… and 2 earlier (`cop show alpha --format json` lists them all)');
  });
});
