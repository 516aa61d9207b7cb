export { ProductsPage } from './ProductsPage';
export { productsKeys } from './queries';
