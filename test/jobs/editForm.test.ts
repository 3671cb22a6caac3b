import { jobModal } from '../../src/slack/views/jobs';
import { parseJobForm } from '../../src/slack/parse/jobForm';
import type { Job } from '../../src/jobs/types';
import { checkBlockKit } from '../support/blockKit';
import { valuesAsShown } from '../support/forms';

// The role form opens filled with an existing role (for `job edit`): what it shows reads back as
// that role, in both languages, with or without JOBS_CHANNEL_ID.
const job: Job = {
  id: 7,
  title: 'Staff engineer',
  team: 'Platform',
  location: 'Tokyo',
  workStyle: 'remote',
  employmentType: 'contract',
  description: 'Build the platform',
  applyUrl: 'https://careers.example.com/staff-7',
  tags: ['golang', 'kubernetes'],
  recruiter: 'U7REC01',
  postedBy: 'U7HR01',
  closesOn: '2026-12-31',
  status: 'open',
  createdAt: new Date('2026-06-01T00:00:00Z'),
  closedAt: null,
  cardChannel: 'C0ROLES7',
  cardTs: '1780000000.000100',
};
const splitTags = (text: string) => ({
  ok: true as const,
  tags: text.split(',').map((tag) => tag.trim()),
});

describe('jobs: the role form opened to edit a role', () => {
  it.each([
    ['en', undefined, 'Edit role'],
    ['ja', 'C0JOBS01', '求人を編集'],
  ] as const)('in %s (jobs channel %s) shows the role and reads back as it', (locale, channel, title) => {
    const view = jobModal(locale, 'U7HR01', channel, job);
    expect(checkBlockKit('modal', view as unknown as Record<string, unknown>)).toEqual([]);
    expect(view.title.text).toBe(title);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ jobId: 7 });
    const form = parseJobForm(valuesAsShown(view.blocks), locale, '2026-06-01', channel, splitTags);
    expect(form).toEqual({
      ok: true,
      input: {
        title: job.title,
        team: job.team,
        location: job.location,
        workStyle: job.workStyle,
        employmentType: job.employmentType,
        description: job.description,
        applyUrl: job.applyUrl,
        tags: job.tags,
        recruiter: job.recruiter,
        closesOn: job.closesOn,
        channel: channel ?? job.cardChannel,
      },
    });
  });

  it('a new role opens as before: no metadata, the poster as recruiter, the first employment type', () => {
    const view = jobModal('en', 'U7HR01', undefined);
    expect(view.private_metadata).toBeUndefined();
    expect(view.title.text).toBe('Post a role');
    const form = parseJobForm(valuesAsShown(view.blocks), 'en', '2026-06-01', undefined, splitTags);
    expect(form.ok).toBe(false);
    expect(form.ok ? {} : Object.keys(form.errors).sort()).toEqual([
      'job.apply_url',
      'job.channel',
      'job.title',
      'job.work_style',
    ]);
  });
});
