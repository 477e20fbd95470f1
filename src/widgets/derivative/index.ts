// TODO: registers <nn-derivative>.
export {};
