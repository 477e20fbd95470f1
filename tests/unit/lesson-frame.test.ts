/** embed.html's whole-lesson addresses (src/app/lesson-frame.ts): what is asked, and who hears. */
import { describe, expect, it } from 'vitest';
import { isLessonFrameHash, parseLessonFrameHash, parseOrigin } from '../../src/app/lesson-frame';
import { isLessonAddress } from '../../src/embed/frame';

describe('lesson frame addresses', () => {
  it('reads a course lesson, a shared one, the step and the parent origin', () => {
    expect(
      parseLessonFrameHash('#lesson=sigmoid-neuron&step=3&parent-origin=https://lms.example'),
    ).toEqual({
      lesson: 'sigmoid-neuron',
      shared: undefined,
      parentOrigin: 'https://lms.example',
      step: 3,
    });
    expect(parseLessonFrameHash('#shared=AQx-_y')).toEqual({
      lesson: undefined,
      shared: 'AQx-_y',
      parentOrigin: undefined,
      step: 1,
    });
    expect(parseLessonFrameHash('#lesson=x&step=-2')?.step).toBe(1);
    expect(parseLessonFrameHash('#lesson=x&step=abc')?.step).toBe(1);
  });

  it('posts to an origin only: not a page address, a wildcard, or another scheme', () => {
    expect(parseOrigin('https://lms.example')).toBe('https://lms.example');
    expect(parseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    for (const bad of [
      '*',
      '',
      null,
      'https://lms.example/',
      'https://lms.example/course/1',
      'lms.example',
      'javascript:alert(1)',
      'file:///etc',
      'https://user@lms.example',
    ]) {
      expect(parseOrigin(bad), String(bad)).toBeUndefined();
    }
    expect(parseLessonFrameHash('#lesson=x&parent-origin=*')?.parentOrigin).toBeUndefined();
  });

  it('leaves widget addresses to the one-widget page, and the one-widget page stands aside', () => {
    for (const hash of ['#nn-neuron', '#nn-neuron?lesson=1', '', '#']) {
      expect(isLessonFrameHash(hash), hash).toBe(false);
      expect(isLessonAddress(hash), hash).toBe(false);
      expect(parseLessonFrameHash(hash)).toBeUndefined();
    }
    for (const hash of ['#lesson=a', '#shared=b']) {
      expect(isLessonFrameHash(hash)).toBe(true);
      expect(isLessonAddress(hash)).toBe(true);
    }
  });
});
