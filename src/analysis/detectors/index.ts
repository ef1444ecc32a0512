// every detector, in report order; ids are stable
import type { Detector } from "../detector.js";
import { clientSaturated } from "./client-saturated.js";
import { errorsHttp } from "./errors-http.js";
import { primary } from "./rate-limit-primary.js";
import { secondaryBurst } from "./rate-limit-secondary-burst.js";
import { secondaryConcurrency } from "./rate-limit-secondary-concurrency.js";
import { sharedQuota } from "./rate-limit-shared-quota.js";
import { rejectionDelayed } from "./rejection-delayed.js";
import { retryAfterIgnored } from "./retry-after-ignored.js";
import { retryAfterInsufficient } from "./retry-after-insufficient.js";

export const detectors: Detector[] = [primary, secondaryBurst, secondaryConcurrency, sharedQuota, retryAfterIgnored, retryAfterInsufficient, rejectionDelayed, clientSaturated, errorsHttp];

export const FINDING_IDS = detectors.map((d) => d.id);
