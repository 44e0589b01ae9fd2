import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks of every screen. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One thing axe found, in words a failing test can print: which rule, how bad, where, what. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
  detail: string;
}

interface RawResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page as it is now and returns every violation, one line per element.
 * The source goes in through the DevTools protocol (page.evaluate of a string), not a script tag:
 * the kiosk's Content-Security-Policy rightly refuses inline scripts, and the test should not
 * loosen the policy it is checking the real page under.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: RawResult[] }> } }).axe;
    const { violations } = await run.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  return results.flatMap((v) =>
    v.nodes.map((n) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      target: n.target.map(String).join(' '),
      html: n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html,
      detail: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
    })),
  );
}

/** The findings as lines, so `expect(lines).toEqual([])` says exactly what to fix. */
export function describeFindings(stop: string, findings: AxeFinding[]): string[] {
  return findings.map((f) => `${stop}: [${f.rule}/${f.impact}] ${f.target} — ${f.html} — ${f.detail}`);
}
