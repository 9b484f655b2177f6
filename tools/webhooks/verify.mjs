// Verifies one webhook delivery with the Standard Webhooks reference library, as a merchant would.
// Input (stdin, JSON): {"secret": "whsec_...", "headers": {"webhook-id": ..., "webhook-timestamp": ...,
// "webhook-signature": ...}, "body": "<the raw body, exactly as received>"}.
// Prints "verified" and exits 0, or prints the library's error and exits 1.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  new Webhook(secret).verify(body, headers);
  console.log("verified");
} catch (e) {
  console.log(`refused: ${e.message}`);
  process.exit(1);
}
