import { describe, expect, it } from 'vitest';
import { buildGraph, parseExpression, parseValues, variablesOf } from '../../src/math/expression';
import {
  buildModel,
  missingKeys,
  readExpression,
  updateStep,
  variableGradients,
  variableValues,
} from '../../src/widgets/backprop-graph/model';

/**
 * Names that are properties of every plain object (issue 14 item 4): a variable called toString
 * is a variable like any other, never the function on Object.prototype.
 */
const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('variable names that Object.prototype also has', () => {
  it.each(NAMES)('%s is parsed as an ordinary variable', (name) => {
    const tree = parseExpression(`${name} + w`);
    expect(variablesOf(tree)).toEqual([name, 'w']);
  });

  it.each(NAMES)('%s gets its value, or 0 when none is given', (name) => {
    const tree = parseExpression(`${name} + w`);
    const given = buildGraph(tree, parseValues(`${name}=3 w=2`).values);
    expect(given.output.data).toBe(5);
    expect(given.variables.get(name)!.data).toBe(3);
    const missing = buildGraph(tree, parseValues('w=2').values);
    expect(missing.output.data).toBe(2);
    expect(missing.variables.get(name)!.data).toBe(0);
  });

  it.each(NAMES)('values "%s=3" is read as a number for that name', (name) => {
    const { values, problems } = parseValues(`${name}=3 w=1`);
    expect(problems).toEqual([]);
    expect(Object.hasOwn(values, name)).toBe(true);
    expect(Object.entries(values)).toEqual([
      [name, 3],
      ['w', 1],
    ]);
    // Setting __proto__ must not have changed what the record is.
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it.each(NAMES)('the widget model of "%s+w": values, gradients, missing names', (name) => {
    const built = buildModel(`${name}+w`, 'w=2', '');
    expect(built.problem).toBeUndefined();
    const model = built.model!;
    expect(built.missing).toEqual([name]);
    expect(built.unknown).toEqual([]);
    expect(model.variables.map((v) => v.name)).toEqual([name, 'w']);
    expect(model.output.value.data).toBe(2);
    expect(Object.entries(variableValues(model))).toEqual([
      [name, 0],
      ['w', 2],
    ]);
    expect(Object.entries(variableGradients(model))).toEqual([
      [name, 1],
      ['w', 1],
    ]);
    expect(missingKeys(model, { w: 2 })).toEqual([name]);
    expect(missingKeys(model, variableValues(model))).toEqual([]);
  });

  it.each(NAMES)('"%s" given in values is not missing, and is updated when a parameter', (name) => {
    const built = buildModel(`${name}*w`, `${name}=3 w=2`, `${name} w`);
    expect(built.missing).toEqual([]);
    const model = built.model!;
    expect(model.output.value.data).toBe(6);
    const { values } = updateStep(model, 0.5);
    expect(Object.entries(values)).toEqual([
      [name, 3 - 0.5 * 2],
      ['w', 2 - 0.5 * 3],
    ]);
  });

  it.each(NAMES)('typing "%s+w" keeps values only of names really given', (name) => {
    const read = readExpression(`${name}+w`, { w: 2 }, []);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(Object.entries(read.values)).toEqual([
        [name, 0],
        ['w', 2],
      ]);
    }
  });

  it('a name that is also a function of Object.prototype is no synonym: toString is not σ', () => {
    expect(() => parseExpression('toString(x)')).toThrow(/unknown function 'toString'/);
  });
});
