import { describe, expect, it } from 'vitest';
import {
  compactNumber,
  formatLayers,
  formatPoints,
  layerSizes,
  parseHide,
  parseLayers,
  parsePoints,
} from '../../src/math/trainer-setup';

describe('hidden layers as text', () => {
  it('reads units with an optional activation, separated by commas or spaces', () => {
    expect(parseLayers('4:tanh,2:relu')).toEqual({
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 2, activation: 'relu' },
      ],
    });
    expect(parseLayers(' 8  8:Sigmoid ').layers).toEqual([
      { units: 8, activation: 'tanh' },
      { units: 8, activation: 'sigmoid' },
    ]);
    expect(parseLayers('')).toEqual({ layers: [] });
  });

  it('reads leaky ReLU layers ("8:leaky-relu") and writes them back', () => {
    const { layers, error } = parseLayers('8:leaky-relu,4:tanh');
    expect(error).toBeUndefined();
    expect(layers).toEqual([
      { units: 8, activation: 'leaky-relu' },
      { units: 4, activation: 'tanh' },
    ]);
    expect(formatLayers(layers)).toBe('8:leaky-relu,4:tanh');
  });

  it('round-trips through formatLayers, and layerSizes adds the two inputs and the output', () => {
    const { layers } = parseLayers('3:linear, 16:relu');
    expect(formatLayers(layers)).toBe('3:linear,16:relu');
    expect(parseLayers(formatLayers(layers)).layers).toEqual(layers);
    expect(layerSizes(layers)).toEqual([2, 3, 16, 1]);
    expect(layerSizes([])).toEqual([2, 1]);
  });

  it.each([
    ['4,4,4,4,4,4,4', /7 hidden layers; at most 6/],
    ['0:tanh', /a layer of 0 units; each layer has 1 to 16/],
    ['17', /a layer of 17 units/],
    ['4:softmax', /“softmax” is not an activation; use tanh, relu, leaky-relu, sigmoid, linear/],
    ['four', /“four” is not a layer: write units:activation/],
    ['4.5', /“4.5” is not a layer/],
  ])('refuses %s with a message', (text, message) => {
    const result = parseLayers(text);
    expect(result.layers).toEqual([]);
    expect(result.error).toMatch(message);
  });
});

describe('points as text', () => {
  it('reads x,y,label triples separated by semicolons or lines, and reports bad ones', () => {
    const { points, bad } = parsePoints('0.5,-0.2,1; 0.1, 0.3 ,0\n7,8,2;abc;1,2;;3,4,1');
    expect(points).toEqual([
      { x: 0.5, y: -0.2, label: 1 },
      { x: 0.1, y: 0.3, label: 0 },
      { x: 3, y: 4, label: 1 },
    ]);
    expect(bad).toEqual(['7,8,2', 'abc', '1,2']);
    expect(parsePoints('')).toEqual({ points: [], bad: [] });
  });

  it('writes points compactly and reads them back', () => {
    const points = [
      { x: 0.123456, y: -0.5, label: 1 as const },
      { x: 12345.678, y: 0, label: 0 as const },
    ];
    const text = formatPoints(points);
    expect(text).toBe('0.1235,-0.5,1;12350,0,0');
    expect(parsePoints(text).points).toEqual([
      { x: 0.1235, y: -0.5, label: 1 },
      { x: 12350, y: 0, label: 0 },
    ]);
    expect(compactNumber(-0.00001, 2)).toBe('-0.00001');
    expect(compactNumber(-0)).toBe('0');
    expect(compactNumber(NaN)).toBe('0');
  });
});

describe('hide', () => {
  it('keeps the known parts in their own order and returns unknown words', () => {
    const known = ['dataset', 'architecture', 'hyperparameters'];
    expect(parseHide('architecture  dataset', known)).toEqual({
      parts: ['dataset', 'architecture'],
      unknown: [],
    });
    expect(parseHide('Dataset,bogus bogus', known)).toEqual({
      parts: ['dataset'],
      unknown: ['bogus'],
    });
    expect(parseHide('', known)).toEqual({ parts: [], unknown: [] });
  });
});
