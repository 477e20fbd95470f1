import { describe, expect, it } from 'vitest';
import {
  canonicalLessonHref,
  lessonHref,
  parseRoute,
  sharedHref,
  studioHref,
} from '../../src/app/routes';

describe('routes', () => {
  it('reads the course map from an empty or root hash', () => {
    expect(parseRoute('')).toEqual({ name: 'map' });
    expect(parseRoute('#/')).toEqual({ name: 'map' });
  });
  it('reads a lesson step, defaulting to step 1', () => {
    expect(parseRoute('#/lesson/sigmoid-neuron/3')).toEqual({
      name: 'lesson',
      id: 'sigmoid-neuron',
      step: 3,
    });
    expect(parseRoute('#/lesson/sigmoid-neuron')).toEqual({
      name: 'lesson',
      id: 'sigmoid-neuron',
      step: 1,
    });
    expect(parseRoute('#/lesson/sigmoid-neuron/0')).toEqual({
      name: 'lesson',
      id: 'sigmoid-neuron',
      step: 1,
    });
  });
  it('treats a broken escape as a page not found instead of throwing', () => {
    expect(parseRoute('#/lesson/%E0%A4%A')).toEqual({
      name: 'not-found',
      path: '/lesson/%E0%A4%A',
    });
  });
  it('round-trips lessonHref', () => {
    expect(parseRoute(lessonHref('a-b', 4))).toEqual({ name: 'lesson', id: 'a-b', step: 4 });
  });
  it('reads the widget gallery, optionally at one widget', () => {
    expect(parseRoute('#/gallery')).toEqual({ name: 'gallery' });
    expect(parseRoute('#/gallery/nn-neuron')).toEqual({ name: 'gallery', tag: 'nn-neuron' });
  });
  it('reads the studio and a shared lesson at a step', () => {
    expect(parseRoute(studioHref)).toEqual({ name: 'studio' });
    expect(parseRoute('#/studio/')).toEqual({ name: 'studio' });
    expect(parseRoute(sharedHref('AQx-_y', 3))).toEqual({
      name: 'shared',
      payload: 'AQx-_y',
      step: 3,
    });
    expect(parseRoute('#/shared/AQxy')).toEqual({ name: 'shared', payload: 'AQxy', step: 1 });
    // A damaged payload is still a shared lesson (whose page says it is damaged), not "not found".
    expect(parseRoute('#/shared/AQ$%')).toEqual({ name: 'shared', payload: 'AQ$%', step: 1 });
  });
  it('reports anything else as not found', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });
});

describe('canonicalLessonHref', () => {
  it('writes a step past the end as the last step, and a missing or zero step as step 1', () => {
    expect(canonicalLessonHref('derivatives', 99, 8)).toBe('#/lesson/derivatives/8');
    expect(canonicalLessonHref('derivatives', 8, 8)).toBe('#/lesson/derivatives/8');
    expect(canonicalLessonHref('derivatives', 3, 8)).toBe('#/lesson/derivatives/3');
    const route = parseRoute('#/lesson/derivatives/0');
    expect(route.name === 'lesson' && canonicalLessonHref(route.id, route.step, 8)).toBe(
      '#/lesson/derivatives/1',
    );
    expect(canonicalLessonHref('x', Number.NaN, 0)).toBe('#/lesson/x/1');
  });
});
