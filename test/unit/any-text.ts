// Any text a writer types, for the extractors' property tests: fragments of real sentences, digits, currency
// and quote marks, and random Unicode.
import fc from 'fast-check';

const FRAGMENTS = [
  'Some 150 ',
  'A$1.2 billion',
  ' about 9%',
  'S-400',
  ' Jan. 3, ',
  'one hundred and',
  ' fifty',
  '“',
  '”',
  ' could not confirm',
  "n't ",
  'Ankara’s',
  ' Meares-Whitty',
  ' on Monday',
  ' last month',
  '3-2',
  '2021-06-11',
  ' 10:30',
  ' U.S. ',
  ' J. ',
  '.',
  '\n\n',
  ' a third of',
  ' $31.80',
];

export const anyText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 12 })
  .map((parts) => parts.join(''));
