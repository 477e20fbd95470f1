// TODO: registers <nn-network-teaser>.
export {};
