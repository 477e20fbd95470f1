// TODO: registers <nn-logistic-neuron>.
export {};
