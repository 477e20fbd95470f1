// TODO: registers <nn-matrix-multiply>.
export {};
