import { describe, expect, it } from 'vitest';
import { htmlEscape } from '../../shared/minutes';
import { linkAddresses, linkSpans } from '../../shared/minutes/links';

describe('web addresses in the HTML minutes', () => {
  const linked = (text: string) => linkAddresses(htmlEscape(text));

  it('become links, without the punctuation that ends the sentence', () => {
    expect(linked('Siehe https://beispiel.de/a?x=1&y=2.')).toBe('Siehe <a href="https://beispiel.de/a?x=1&amp;y=2">https://beispiel.de/a?x=1&amp;y=2</a>.');
    expect(linked('(http://beispiel.de)')).toBe('(<a href="http://beispiel.de">http://beispiel.de</a>)');
  });

  it("keep a closing bracket that closes one the address opened, and leave the sentence's own", () => {
    expect(linked('Siehe https://de.wikipedia.org/wiki/Lwiw_(Stadt).')).toBe('Siehe <a href="https://de.wikipedia.org/wiki/Lwiw_(Stadt)">https://de.wikipedia.org/wiki/Lwiw_(Stadt)</a>.');
    expect(linked('(siehe https://de.wikipedia.org/wiki/Lwiw_(Stadt)).')).toBe('(siehe <a href="https://de.wikipedia.org/wiki/Lwiw_(Stadt)">https://de.wikipedia.org/wiki/Lwiw_(Stadt)</a>).');
    expect(linked('[https://a.de/x[1]]')).toBe('[<a href="https://a.de/x[1]">https://a.de/x[1]</a>]');
  });

  it('only for http and https, and end at an escaped quote or bracket', () => {
    expect(linked('javascript:alert(1) file:///etc/passwd')).toBe('javascript:alert(1) file:///etc/passwd');
    expect(linked('https://a.de/"onmouseover="x')).toBe('<a href="https://a.de/">https://a.de/</a>&quot;onmouseover=&quot;x');
    expect(linked('<https://a.de>')).toBe('&lt;<a href="https://a.de">https://a.de</a>&gt;');
  });
});

describe('web addresses in the PDF minutes (plain text)', () => {
  const links = (text: string) => linkSpans(text).flatMap((span) => (span.link ? [span.link] : []));

  it('are the addresses the HTML links, the text kept whole around them', () => {
    for (const text of ['Siehe https://beispiel.de/a?x=1&y=2.', '(http://beispiel.de)', '(siehe https://de.wikipedia.org/wiki/Lwiw_(Stadt)).', 'javascript:alert(1) file:///etc/passwd', 'https://a.de/"onmouseover="x', '<https://a.de>']) {
      const html = [...linkAddresses(htmlEscape(text)).matchAll(/href="([^"]*)"/g)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&'));
      expect(links(text)).toEqual(html);
      expect(linkSpans(text).map((span) => span.text).join('')).toBe(text);
    }
  });
});
