import { describe, expect, it } from 'vitest';
import { sentenceCase } from '../../../src/bibliography/sentence-case.js';

describe('sentenceCase', () => {
  it('should lower the title-cased words after the first one, hyphenated parts alike', () => {
    expect(sentenceCase('Methods for Global Interpretations')).toBe('Methods for global interpretations');
    expect(sentenceCase('A Human-Centric Framework of Responsible AI')).toBe('A human-centric framework of responsible AI');
    expect(sentenceCase('Philosophical Foundations for Ethical Decision-Making')).toBe('Philosophical foundations for ethical decision-making');
  });

  it('should keep acronyms, inner capitals, digits and the pronoun I as written', () => {
    expect(sentenceCase('Responsible AI in the Age of Generative AI')).toBe('Responsible AI in the age of generative AI');
    expect(sentenceCase('What I Learned from McNemar and t-SNE in 2024 With GPT-4')).toBe('What I learned from McNemar and t-SNE in 2024 with GPT-4');
  });

  it('should keep the first word after a colon or a question mark capitalised, and punctuation in place', () => {
    expect(sentenceCase('Privacy: Mechanisms and (Formal) Guarantees')).toBe('Privacy: Mechanisms and (formal) guarantees');
    expect(sentenceCase('Fair to Whom? The Groups We Compare')).toBe('Fair to whom? The groups we compare');
  });

  it('should leave a title already in sentence case unchanged', () => {
    expect(sentenceCase('Measuring fairness')).toBe('Measuring fairness');
  });
});
