/**
 * Loaded before every unit suite and by the end-to-end harness: accounts are hashed at scrypt
 * N=2^10 instead of 2^17, because the suites create thousands of them. Sign-in still runs the real
 * verification with the parameters stored in each hash; tests/unit/auth/password-cost.test.ts
 * proves the app itself stores accounts at full cost.
 */
import { setPasswordCostForTests } from '../../electron/services/auth/passwords';

setPasswordCostForTests(2 ** 10);
