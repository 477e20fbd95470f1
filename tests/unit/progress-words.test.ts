import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatSize,
  keptStamp,
  keptWhen,
  loses,
} from '../../src/app/progress-words';
import { damagedFileName } from '../../src/lesson/progress-data';
import type { LessonChange } from '../../src/lesson/progress-data';

const change = (over: Partial<LessonChange>): LessonChange => ({
  lessonId: 'loss',
  seen: [2, 2],
  solved: [1, 1],
  completed: [false, false],
  ...over,
});

describe('the words of the progress tools', () => {
  it('says what an import changes in a lesson, with its step count', () => {
    expect(describeChange(change({ seen: [2, 5], completed: [false, true] }), 'Loss', 6)).toBe(
      'Loss: steps seen 2 → 5 of 6; finished',
    );
    expect(describeChange(change({ solved: [3, 1] }), 'Loss')).toBe('Loss: exercises solved 3 → 1');
    expect(describeChange(change({}), 'Loss')).toBe(
      'Loss: other steps or answers (the same counts)',
    );
  });

  it('marks a change that takes away steps, answers or a finished lesson as a loss', () => {
    expect(loses(change({ seen: [4, 2] }))).toBe(true);
    expect(loses(change({ solved: [2, 1] }))).toBe(true);
    expect(loses(change({ completed: [true, false] }))).toBe(true);
    expect(loses(change({ seen: [2, 4], solved: [1, 2], completed: [false, true] }))).toBe(false);
  });

  it('gives sizes in kB (at least 1) and in MB from 100,000 characters', () => {
    expect(formatSize(10)).toBe('1 kB');
    expect(formatSize(42_400)).toBe('42 kB');
    expect(formatSize(2_345_678)).toBe('2.3 MB');
  });

  it('reads when a kept copy was made from its name, and names its download after it', () => {
    const copy = {
      name: 'gradient-trail:progress:damaged:2026-11-21T10:05:00.000Z',
      where: 'storage' as const,
      size: 12,
    };
    expect(keptStamp(copy)).toBe('2026-11-21T10:05:00.000Z');
    expect(keptWhen(copy)).toMatch(/21 Nov 2026/);
    expect(damagedFileName(keptStamp(copy))).toBe(
      'gradient-trail-damaged-progress-2026-11-21T10-05-00.json',
    );
    expect(keptWhen({ ...copy, name: 'gradient-trail:progress:damaged:not-a-date' })).toBe(
      'gradient-trail:progress:damaged:not-a-date',
    );
  });
});
