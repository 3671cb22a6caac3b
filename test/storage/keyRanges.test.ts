import { endingInId, upperBound } from '../../src/storage/keyRanges';

test('the upper bound of a key prefix is the prefix with its last character moved on', () => {
  expect(upperBound('job:')).toBe('job;');
  expect(upperBound('coffee:')).toBe('coffee;');
  expect(() => upperBound('')).toThrow(RangeError);
});

test('an id in a LIKE pattern keeps its wildcards literal', () => {
  expect(endingInId('U123')).toBe('%:U123');
  expect(endingInId('U_1%\\')).toBe('%:U\\_1\\%\\\\');
});
