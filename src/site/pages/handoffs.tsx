/** The hand-offs page: the work every CoP handed to a circle (R&D projects, workshops with Training) and what became of it, by circle. */
import { copHref, Data, Page, type PageProps } from '../layout.js';
import { WideTable } from '../wide-table.js';
import { OutputTitle } from './cop.js';

export function HandoffsPage({ site, root }: PageProps) {
  const total = site.handoffs.reduce((sum, group) => sum + group.handoffs.length, 0);
  return (
    <Page site={site} root={root} title="Hand-offs" section="handoffs">
      <h1>Hand-offs to circles</h1>
      {total === 0 ? (
        <p class="empty">
          No hand-offs recorded yet: <code>cop output &lt;id&gt; --handoff-to &lt;circle&gt;</code>
        </p>
      ) : (
        <>
          <p class="lead">{`Work the CoPs handed to the organisation's circles, and what became of it, as of ${site.asOf}: ${total} hand-off${total === 1 ? '' : 's'}.`}</p>
          {site.handoffs.map(({ circle, handoffs }) => (
            <section aria-labelledby={`circle-${circle.id}`}>
              <h2 id={`circle-${circle.id}`}>
                <Data>{circle.name}</Data>
              </h2>
              <WideTable label={`Hand-offs to ${circle.name}`} rows={handoffs.length} empty="No hand-offs to this circle.">
                <table>
                  <caption class="muted">Newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">CoP</th>
                      <th scope="col">Output</th>
                      <th scope="col">Date</th>
                      <th scope="col">Status</th>
                      <th scope="col">Decided</th>
                    </tr>
                  </thead>
                  <tbody>
                    {handoffs.map((h) => (
                      <tr>
                        <td>
                          <a href={copHref(root, h.cop.id)}>
                            <Data>{h.cop.name}</Data>
                          </a>
                        </td>
                        <td>
                          <OutputTitle output={h.output} />
                        </td>
                        <td class="num">{h.output.date}</td>
                        <td>{h.status}</td>
                        <td class="num">{h.decided ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </WideTable>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
