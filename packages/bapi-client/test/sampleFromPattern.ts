// A string that matches a simple regular expression of the spec (`^org_\w{27}$`, `^[a-z]+(_[a-z]+)*$`, ...):
// literals, escapes, classes, groups with alternatives (the first is taken) and quantifiers (their minimum,
// at least one).
export function sampleFromPattern(pattern: string): string {
  let position = 0;

  const readAlternatives = (): string => {
    const first = readSequence();
    while (pattern[position] === '|') {
      position++;
      readSequence();
    }
    return first;
  };

  const readSequence = (): string => {
    let out = '';
    while (position < pattern.length && pattern[position] !== '|' && pattern[position] !== ')') {
      const atom = readAtom();
      out += atom.repeat(readQuantifier());
    }
    return out;
  };

  const readAtom = (): string => {
    const char = pattern[position++]!;
    if (char === '^' || char === '$') return '';
    if (char === '(') {
      if (pattern.startsWith('?:', position)) position += 2;
      const inner = readAlternatives();
      position++; // ')'
      return inner;
    }
    if (char === '[') {
      const end = pattern.indexOf(']', position + 1);
      const body = pattern.slice(position, end);
      position = end + 1;
      if (body.startsWith('^')) return 'a';
      return body.startsWith('\\') ? escapeSample(body[1]!) : body[0]!;
    }
    if (char === '\\') return escapeSample(pattern[position++]!);
    if (char === '.') return 'a';
    return char;
  };

  const readQuantifier = (): number => {
    const char = pattern[position];
    if (char === '?' || char === '*') {
      position++;
      return char === '?' ? 0 : 0;
    }
    if (char === '+') {
      position++;
      return 1;
    }
    if (char === '{') {
      const end = pattern.indexOf('}', position);
      const [min] = pattern.slice(position + 1, end).split(',');
      position = end + 1;
      return Number(min);
    }
    return 1;
  };

  return readAlternatives();
}

function escapeSample(letter: string): string {
  if (letter === 'w') return 'a';
  if (letter === 'd') return '1';
  if (letter === 's') return ' ';
  return letter;
}
