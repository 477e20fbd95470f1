import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute } from '../../src/app/routes';

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
  it('reports anything else as not found', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });
});
