// TODO: registers <nn-neuron>.
export {};
