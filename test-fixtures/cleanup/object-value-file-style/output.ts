// Checkout flow settings.

const { OpenFeature } = require("@openfeature/server-sdk")

const checkoutSettings = {
    steps: ["cart", "pay"],
    "express checkout": true,
    maxItems: 20,
    currency: "EUR",
    theme: { accent: "blue" },
}

const client = OpenFeature.getClient()

async function settings() {
    return {
        ...checkoutSettings,
        loaded: true,
    }
}

async function maxItems() {
    return 20
}

module.exports = { settings, maxItems }
