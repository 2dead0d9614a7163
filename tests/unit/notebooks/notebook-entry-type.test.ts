/** The `.ipynb` content entry type: what Astro's glob loader reads from a notebook (frontmatter and MyST body). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { notebookEntryType } from '../../../src/integrations/notebooks.js';
import { fixture } from '../../support/astro-build.js';

const file = path.join(fixture('notebook-book'), 'content/notebooks/n-1-notebook.ipynb');

describe('the notebook content entry type', () => {
  it('should give Astro the frontmatter and the converted body, image URLs under the base path', async () => {
    const entry = await notebookEntryType('/course/rai/').getEntryInfo({ contents: readFileSync(file, 'utf8'), fileUrl: pathToFileURL(file) });
    expect(entry.data).toMatchObject({ id: 'n-1-notebook', slug: 'notebook-chapter', title: 'A Notebook Chapter' });
    expect(entry.body).toMatch(/^\n## Approval rates\n/);
    expect(entry.body).toMatch(/<img src="\/course\/rai\/_notebook\/[0-9a-f]{16}\.png"/);
  });

  it('should give an empty entry for a file that is not a notebook (the content check reports it)', async () => {
    const entry = await notebookEntryType('/').getEntryInfo({ contents: '{ "cells": ', fileUrl: pathToFileURL(file) });
    expect(entry).toMatchObject({ data: {}, body: '' });
  });
});
