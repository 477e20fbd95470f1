// TODO: registers <nn-loss-chart>.
export {};
