import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RolloutConfig } from '../../src/shared/contract/rollout';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Roll-out on many PCs'));
const readmeExample = /```json\n([\s\S]*?)```/.exec(section)?.[1];

describe('the roll-out example an IT partner copies', () => {
  it('in the README is a valid roll-out file', () => {
    expect(readmeExample).toBeDefined();
    expect(RolloutConfig.safeParse(JSON.parse(readmeExample!)).success).toBe(true);
  });

  it('is the same file as docs/config.example.json', () => {
    expect(JSON.parse(readFileSync('docs/config.example.json', 'utf8'))).toEqual(JSON.parse(readmeExample!));
  });
});
