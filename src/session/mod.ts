/**
 * The login lifecycle shared by `HTTPClient` and `Connection`.
 *
 * @module
 */
export {
  DEFAULT_EXPIRY_MARGIN_MS,
  type LoginDriver,
  LoginLifecycle,
  type LoginLifecycleOptions,
  MARGIN_LIFETIME_FRACTION,
} from "./login_lifecycle.ts";
export { boundedWait, type WaitLimit } from "./bounded_wait.ts";
export { SingleFlight } from "./single_flight.ts";
