// Checkout flow settings.

const { OpenFeature } = require("@openfeature/server-sdk")

const client = OpenFeature.getClient()

async function settings() {
    const checkoutSettings = await client.getObjectValue("checkout-settings", {})
    return {
        ...checkoutSettings,
        loaded: true,
    }
}

async function maxItems() {
    const s = await client.getObjectValue("checkout-settings", {})
    return s.maxItems
}

module.exports = { settings, maxItems }
