// explain looks a line's values up by the names extraction gives them (fieldName, capped at 40
// characters), so a variable with a longer name still shows its value, in its own row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogEntry } from '../../src/catalog/types.ts';
import { extractFields } from '../../src/fields/extract.ts';
import { renderExplain } from '../../src/render/explain.ts';
import { PLAIN_PALETTE } from '../../src/render/palette.ts';

const LONG = 'remote_peer_address_of_the_tunnel_that_was_torn_down';
const entry: CatalogEntry = {
  id: '999001',
  severity: 5,
  category: 'other',
  platforms: ['ASA'],
  notes: [],
  origin: 'user',
  variants: [{
    format: `Tunnel to ${LONG} torn down`,
    docs: { en: { explanation: 'A tunnel ended.', action: 'None.', variables: [{ name: LONG, description: 'the peer' }], source: 'test:1' } },
  }],
};

test('a variable named past the 40-character cap shows its value in the variables table, not again under Fields', () => {
  const message = 'Tunnel to 198.51.100.7 torn down';
  const m = extractFields(entry, message);
  assert.deepEqual({ variant: m?.variant, fields: m?.fields }, { variant: 0, fields: { [LONG.slice(0, 40)]: '198.51.100.7' } });
  const out = renderExplain(entry, 'en', PLAIN_PALETTE, 100, { raw: `%ASA-5-999001: ${message}`, severity: 5, ...m! });
  assert.doesNotMatch(out, /^Fields$/m);
  const variables = out.slice(out.indexOf('\nVariables\n'));
  assert.match(variables, /│ 198\.51\.100\.7 +│/);
});
