import { describe, expect, it } from 'vitest';
import { parsePostureParams, postureExportHref, serializePostureParams } from './posture-params';

const parse = (qs: string) => parsePostureParams(new URLSearchParams(qs));

describe('posture URL state', () => {
  it('round-trips a selector and an open check', () => {
    const p = parse('selector=eks.amazonaws.com%2Fnodegroup%3Dgeneral-purpose&check=4.2.4');
    expect(p).toEqual({ selector: 'eks.amazonaws.com/nodegroup=general-purpose', check: '4.2.4' });
    expect(parse(serializePostureParams(p))).toEqual(p);
  });
  it('falls back to the default view for values it does not understand', () => {
    expect(parse('check=../../etc&selector=')).toEqual({});
    expect(parse(`selector=${'a'.repeat(2000)}`)).toEqual({});
    expect(serializePostureParams({})).toBe('');
  });
  it('exports the whole filtered fleet, not the open check', () => {
    expect(postureExportHref({ selector: 'a=b', check: 'V-242434' }, 'sarif')).toBe(
      '/api/posture?view=full&format=sarif&selector=a%3Db',
    );
  });
});
