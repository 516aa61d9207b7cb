import type { DomainHandlers } from '../core/handler-kit';
import type { productsOperations } from '../../../shared/api/products';
import { actorId, today } from '../core/handler-kit';
import { addLot, createProduct, listProducts, updateProduct } from './products';

export const productsHandlers = {
  'products.list': (ctx, input) => listProducts(ctx.db, today(ctx), input.includeInactive),

  'products.create': async (ctx, input) => {
    const product = await createProduct(ctx.db, input, ctx.now, today(ctx));
    ctx.subject.objectId = product.id;
    return product;
  },

  'products.update': (ctx, input) => {
    ctx.subject.objectId = input.id;
    return updateProduct(ctx.db, input, ctx.now, today(ctx));
  },

  'products.addLot': async (ctx, input) => {
    const lot = await addLot(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = lot.id;
    return lot;
  },
} satisfies DomainHandlers<typeof productsOperations>;
