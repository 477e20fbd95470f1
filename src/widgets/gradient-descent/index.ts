// TODO: registers <nn-gradient-descent>.
export {};
