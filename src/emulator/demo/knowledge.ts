/**
 * The demo bank's public help-center content, written for this project. Each article lists the banking77 intents it
 * answers; the intents in KNOWLEDGE_GAPS deliberately have no article, so gap detection has something to find.
 */

export interface ArticleSpec {
  title: string;
  description: string;
  intents: string[];
  paragraphs: string[];
}

export interface SectionSpec {
  name: string;
  description: string;
  articles: ArticleSpec[];
}

export interface CollectionSpec {
  name: string;
  description: string;
  icon: string;
  sections: SectionSpec[];
}

export const BANK_NAME = "Kestrel";

/** Intents with no public article (13 of 77). */
export const KNOWLEDGE_GAPS: readonly string[] = [
  "card_swallowed",
  "beneficiary_not_allowed",
  "verify_source_of_funds",
  "wrong_exchange_rate_for_cash_withdrawal",
  "disposable_card_limits",
  "virtual_card_not_working",
  "balance_not_updated_after_cheque_or_cash_deposit",
  "cash_withdrawal_not_recognised",
  "direct_debit_payment_not_recognised",
  "Refund_not_showing_up",
  "transaction_charged_twice",
  "top_up_reverted",
  "card_linking",
];

const a = (title: string, description: string, intents: string[], ...paragraphs: string[]): ArticleSpec => ({
  title,
  description,
  intents,
  paragraphs,
});

export const HELP_CENTER_CONTENT: readonly CollectionSpec[] = [
  {
    name: "Cards",
    description: "Ordering, activating, using and protecting your Kestrel cards",
    icon: "credit-card",
    sections: [
      {
        name: "Getting a card",
        description: "Ordering physical, spare and virtual cards",
        articles: [
          a(
            "How long does card delivery take?",
            "Delivery times for new cards and what to do if yours is late",
            ["card_arrival", "card_delivery_estimate"],
            "Standard delivery takes 3 to 5 working days in the UK and up to 10 working days elsewhere in Europe. Express delivery arrives in 1 to 2 working days.",
            "You can follow your card under Cards > Track delivery in the app. If it has not arrived 10 working days after dispatch, freeze it in the app and order a replacement: we cover the cost of the second card.",
          ),
          a(
            "Ordering a physical card",
            "How to get a plastic card sent to your address",
            ["get_physical_card", "order_physical_card"],
            "Open Cards, tap Order a card and confirm your delivery address. Your first physical card is free; replacements cost £5 unless the card was faulty.",
            "Virtual cards work straight away, so you can start paying online while the physical card is on its way.",
          ),
          a(
            "Getting an extra card",
            "Spare cards for the same account",
            ["getting_spare_card"],
            "You can hold up to three physical cards on one account, for example one in your wallet and one kept at home. Order them from Cards > Add a card; each extra card has its own PIN.",
          ),
          a(
            "Virtual cards",
            "Create a card that lives only in the app",
            ["getting_virtual_card"],
            "Go to Cards, tap Add a card and choose Virtual. The card number, expiry date and security code appear at once and you can use them for online shopping or add the card to your phone's wallet.",
          ),
          a(
            "Disposable virtual cards",
            "Single-use card numbers for safer online shopping",
            ["get_disposable_virtual_card"],
            "A disposable card generates new details after every payment, so a leaked number is useless. Create one from Cards > Add a card > Disposable. They are available on Plus and Premium plans.",
          ),
          a(
            "Activating your new card",
            "The two steps before your first payment",
            ["activate_my_card"],
            "Open the app, tap the card that says Activate and scan the QR code on the letter, or enter the last four digits of the card. The first payment in a shop must use chip and PIN; contactless works after that.",
          ),
          a(
            "My card is about to expire",
            "Replacement cards before the expiry date",
            ["card_about_to_expire"],
            "We send a new card automatically about four weeks before your card expires, as long as your address is up to date. Activate it in the app when it arrives; your old card keeps working until its expiry date.",
          ),
        ],
      },
      {
        name: "Using your card",
        description: "Payments, wallets, ATMs and card networks",
        articles: [
          a(
            "Card not working? Try these steps",
            "What to check when a card stops working",
            ["card_not_working"],
            "First check in the app that the card is not frozen and that you have enough balance. Then check the card's security settings: online, magnetic-stripe and ATM payments can each be switched off.",
            "If the chip is damaged, order a replacement from Cards > Replace card. Replacements for faulty cards are free.",
          ),
          a(
            "Contactless payments not working",
            "Why a terminal may ask for your PIN",
            ["contactless_not_working"],
            "For security, terminals ask for chip and PIN from time to time, and always for the first payment with a new card. After one chip-and-PIN payment, contactless works again.",
            "Check that contactless is switched on under Card settings. Single contactless payments are limited to £100.",
          ),
          a(
            "Where can I use my card?",
            "Shops, websites and cash machines that accept Kestrel cards",
            ["card_acceptance", "atm_support"],
            "Your card works anywhere the Mastercard logo is shown, in shops, online and at cash machines worldwide. A few merchants such as some car rental firms and toll roads do not accept prepaid or debit cards.",
            "You can withdraw cash from any ATM that displays the Mastercard or Maestro logo.",
          ),
          a(
            "Is my card Visa or Mastercard?",
            "Card network and the cards and currencies we support",
            ["visa_or_mastercard", "supported_cards_and_currencies"],
            "All Kestrel cards are issued on the Mastercard network. You can top up with any Visa or Mastercard debit or credit card, and hold balances in more than 25 currencies.",
          ),
          a(
            "Apple Pay and Google Pay",
            "Adding your card to your phone's wallet",
            ["apple_pay_or_google_pay"],
            "Open the card in the app and tap Add to Apple Wallet or Add to Google Pay. The card is added in a few seconds and you can pay with your phone even before the plastic card arrives.",
          ),
        ],
      },
      {
        name: "Card security",
        description: "Lost cards, PINs and keeping your account safe",
        articles: [
          a(
            "Lost, stolen or compromised card",
            "Freeze the card first, then replace it",
            ["lost_or_stolen_card", "compromised_card"],
            "Freeze the card straight away from the card screen in the app; you can unfreeze it if you find it. If you think the details were stolen, terminate the card and order a replacement.",
            "Tell us about any payments you do not recognise from the transaction screen and we will investigate them.",
          ),
          a(
            "Unblocking or changing your PIN",
            "What to do after too many wrong PIN attempts",
            ["pin_blocked", "change_pin"],
            "After three wrong PIN attempts the PIN is blocked. You can unblock it under Card settings > Unblock PIN, then use the card at any cash machine to complete the reset.",
            "You can view your PIN in the app at any time, and change it at most cash machines in the PIN services menu.",
          ),
          a(
            "Lost phone or forgotten passcode",
            "Getting back into the app safely",
            ["lost_or_stolen_phone", "passcode_forgotten"],
            "If you lose your phone, log in from another device or contact us from the website so we can lock your account. Your cards keep working unless you freeze them.",
            "If you forgot your passcode, tap Forgot passcode on the log-in screen. We send a link to your email address and ask for a selfie to confirm it is you.",
          ),
        ],
      },
    ],
  },
  {
    name: "Payments and transfers",
    description: "Card payments, bank transfers, cash withdrawals and refunds",
    icon: "arrows-exchange",
    sections: [
      {
        name: "Card payments",
        description: "Pending, declined and unexpected card payments",
        articles: [
          a(
            "Why is my card payment pending?",
            "Pending payments and when they complete",
            ["pending_card_payment"],
            "A payment stays pending until the merchant confirms it, usually within a few days. Hotels and petrol stations can hold an amount for up to 7 days. If the merchant never confirms, the money goes back to your balance automatically.",
          ),
          a(
            "Why was my card payment declined?",
            "The common reasons and how to fix them",
            ["declined_card_payment"],
            "Most declines come from a low balance, a frozen card, a blocked payment type (for example online payments switched off) or a wrong security code. The app shows the reason next to the declined payment.",
          ),
          a(
            "Fees on card payments",
            "When a card payment costs extra",
            ["card_payment_fee_charged", "extra_charge_on_statement"],
            "Card payments in your account's currency are free. Payments in another currency are free up to your plan's monthly allowance; above it we add a 0.5% fee. Some merchants add their own surcharge, which appears as part of the payment.",
          ),
          a(
            "The exchange rate on my card payment looks wrong",
            "How foreign-currency card payments are converted",
            ["card_payment_wrong_exchange_rate"],
            "We convert at the Mastercard rate on the day the merchant settles the payment, which can differ from the rate when you paid. At weekends a small markup applies because markets are closed.",
          ),
          a(
            "I don't recognise a card payment",
            "Checking an unfamiliar payment before disputing it",
            ["card_payment_not_recognised"],
            "Merchants often trade under a different name from their shop. Tap the payment to see the merchant's location and contact details. If you still do not recognise it, freeze your card and tap Report a problem to open a dispute.",
          ),
          a(
            "A card payment was reversed",
            "What a reverted payment means",
            ["reverted_card_payment?"],
            "A reverted payment means the merchant cancelled the charge before it completed. The money is back in your balance. If you still want the goods, ask the merchant to charge you again.",
          ),
          a(
            "Asking for a refund",
            "Refunds from merchants and disputes",
            ["request_refund"],
            "Refunds are issued by the merchant, so contact them first. Once they send it, a refund usually appears within 5 working days. If the merchant refuses and you paid by card, you can open a dispute from the payment screen.",
          ),
        ],
      },
      {
        name: "Bank transfers",
        description: "Sending and receiving money",
        articles: [
          a(
            "How long do transfers take?",
            "Timings for domestic and international transfers",
            ["transfer_timing", "pending_transfer"],
            "Transfers within the UK usually arrive in minutes. SEPA transfers take up to one working day and SWIFT transfers two to five working days. A transfer can stay pending while we run security checks.",
          ),
          a(
            "My recipient hasn't received the transfer",
            "Tracing a transfer that has not arrived",
            ["transfer_not_received_by_recipient", "balance_not_updated_after_bank_transfer"],
            "Check the transfer's status and the recipient's details in the app. If it shows Completed, ask the receiving bank to look for it using the reference on the transfer. If it has been more than five working days, send us the payment confirmation from the app and we will trace it.",
          ),
          a(
            "Declined or failed transfers",
            "Why a transfer did not go through",
            ["declined_transfer", "failed_transfer"],
            "Transfers fail when the recipient's bank details are wrong, the receiving bank rejects the payment or your balance is too low. The money comes back to your account within two working days. Check the details and try again.",
          ),
          a(
            "Cancelling a transfer",
            "Stopping a transfer you sent by mistake",
            ["cancel_transfer"],
            "You can cancel a transfer while it is still pending: open it and tap Cancel. Once it is completed we cannot pull it back, but we can ask the receiving bank to return it.",
          ),
          a(
            "Transfer fees",
            "What we charge for sending money",
            ["transfer_fee_charged"],
            "Transfers in pounds and euros are free. International SWIFT transfers cost a fixed £3, and intermediary banks may deduct their own fee from the amount sent.",
          ),
          a(
            "Receiving money into your account",
            "Your account details and incoming payments",
            ["receiving_money", "transfer_into_account"],
            "Find your sort code, account number and IBAN under Account > Details. Share them with the sender. Incoming UK payments arrive within minutes; international ones can take a few working days.",
          ),
        ],
      },
      {
        name: "Cash",
        description: "Cash machine withdrawals",
        articles: [
          a(
            "Pending cash withdrawals",
            "Why an ATM withdrawal still shows as pending",
            ["pending_cash_withdrawal"],
            "Cash withdrawals show as pending until the ATM operator confirms them, which can take a few days. You do not need to do anything; the amount will not be taken twice.",
          ),
          a(
            "Cash withdrawal declined",
            "Why the cash machine refused your card",
            ["declined_cash_withdrawal"],
            "Check that ATM withdrawals are switched on under Card settings, that your PIN is not blocked and that you are within your daily cash limit of £500.",
          ),
          a(
            "The ATM gave me the wrong amount",
            "When the cash you received does not match",
            ["wrong_amount_of_cash_received"],
            "Contact us from the withdrawal in the app with the amount you received. We ask the ATM operator to check the machine; if it had extra cash at the end of the day, the difference is refunded, usually within 15 working days.",
          ),
          a(
            "Fees for cash withdrawals",
            "Free allowance and charges at cash machines",
            ["cash_withdrawal_charge"],
            "You can withdraw up to £200 a month for free. Above that we charge 2% of the amount. Some ATM operators add their own fee, which the machine shows before you confirm.",
          ),
        ],
      },
    ],
  },
  {
    name: "Top-ups",
    description: "Adding money to your account",
    icon: "wallet",
    sections: [
      {
        name: "Adding money",
        description: "Ways to top up, limits and fees",
        articles: [
          a(
            "Automatic top-up",
            "Never run low on balance",
            ["automatic_top_up"],
            "Switch on auto top-up under Account > Top up > Auto top-up, choose a threshold and an amount, and we add money from your linked card whenever your balance drops below it.",
          ),
          a(
            "Top-up limits",
            "How much you can add",
            ["top_up_limits"],
            "You can top up to £10,000 a day and £40,000 a year by card. Bank transfers have no top-up limit, but large amounts may trigger extra checks.",
          ),
          a(
            "Topping up by card",
            "Adding money with a debit or credit card",
            ["topping_up_by_card", "top_up_by_card_charge"],
            "Tap Top up, choose Card and enter the amount. Debit card top-ups are free; credit card and international card top-ups have a 1% fee, shown before you confirm.",
          ),
          a(
            "Topping up by bank transfer",
            "Free top-ups from your other bank",
            ["top_up_by_bank_transfer_charge"],
            "Send money from any bank to your Kestrel account details. Top-ups by bank transfer are free; your bank might charge you for sending an international transfer.",
          ),
          a(
            "Topping up with cash or a cheque",
            "Cash and cheque deposits",
            ["top_up_by_cash_or_cheque"],
            "We do not have branches, so we cannot accept cash or cheques directly. Pay the cash or cheque into another bank account first, then top up by bank transfer.",
          ),
          a(
            "My top-up is pending or failed",
            "When added money does not show up",
            ["pending_top_up", "top_up_failed"],
            "Card top-ups normally arrive instantly, but some card issuers hold them for up to an hour. A failed top-up is never charged; if you see a charge on your card, it is a temporary hold that your bank releases within a few days.",
          ),
          a(
            "Why do I need to verify a top-up?",
            "Card checks on top-ups",
            ["verify_top_up"],
            "When you top up with a new card we may ask you to confirm a small temporary charge. This proves the card is yours and protects you from fraud. The amount is released automatically.",
          ),
        ],
      },
    ],
  },
  {
    name: "Currencies and exchange",
    description: "Exchange rates, currencies and where we operate",
    icon: "globe",
    sections: [
      {
        name: "Exchanging money",
        description: "Rates, fees and currencies",
        articles: [
          a(
            "Our exchange rates and fees",
            "How we price currency exchange",
            ["exchange_rate", "exchange_charge"],
            "We use the interbank rate on weekdays. Exchanges are free up to your plan's monthly allowance; above it, and at weekends, we add a fee of 0.5% to 1%, shown before you confirm.",
          ),
          a(
            "Exchanging currencies in the app",
            "Moving money between currency balances",
            ["exchange_via_app"],
            "Tap Exchange, choose the two currencies and the amount, then confirm. The money moves between your balances instantly. You can also set an order that runs when the rate reaches a level you choose.",
          ),
          a(
            "Supported currencies and countries",
            "Where you can open an account and which currencies you can hold",
            ["fiat_currency_support", "country_support"],
            "You can hold and exchange more than 25 currencies, including EUR, USD, GBP, CHF, PLN and JPY. Accounts are available to residents of the UK and the European Economic Area.",
          ),
        ],
      },
    ],
  },
  {
    name: "Your account",
    description: "Identity checks, personal details and closing your account",
    icon: "user",
    sections: [
      {
        name: "Identity verification",
        description: "Why and how we check who you are",
        articles: [
          a(
            "Why we verify your identity",
            "Identity checks and how to complete them",
            ["why_verify_identity", "verify_my_identity"],
            "As a regulated bank we must confirm who our customers are. Verification takes a few minutes: tap Verify identity, take a photo of your passport or ID card and record a short selfie video.",
          ),
          a(
            "Problems verifying your identity",
            "What to do when verification fails",
            ["unable_to_verify_identity"],
            "Use good light, keep the whole document in the frame and avoid glare. Expired documents are not accepted. If verification fails three times, contact us and a person will review your documents.",
          ),
          a(
            "Minimum age",
            "Who can open an account",
            ["age_limit"],
            "You must be 18 or older to open a Kestrel account. Customers aged 13 to 17 can have a junior account opened by a parent or guardian.",
          ),
        ],
      },
      {
        name: "Managing your account",
        description: "Personal details and account closure",
        articles: [
          a(
            "Updating your personal details",
            "Changing your name, address, email or phone number",
            ["edit_personal_details"],
            "Change your address, email and phone number under Profile > Personal details. A change of legal name needs a photo of an official document, such as a marriage certificate or deed poll.",
          ),
          a(
            "Closing your account",
            "How to close your account and what happens to your money",
            ["terminate_account"],
            "Withdraw or transfer your remaining balance, then go to Profile > Close account. Pending payments must complete first. We keep your records for the period the law requires.",
          ),
        ],
      },
    ],
  },
];

/** A draft that answers nothing yet: drafts exist in real help centers and must not count as coverage. */
export const DRAFT_ARTICLE: ArticleSpec = a(
  "Savings vaults (coming soon)",
  "Set money aside in separate vaults",
  [],
  "Vaults let you put money aside for a goal. This article is a draft until the feature launches.",
);

export interface InternalArticleSpec {
  title: string;
  paragraphs: string[];
}

export const INTERNAL_ARTICLES: readonly InternalArticleSpec[] = [
  {
    title: "Escalating suspected fraud",
    paragraphs: [
      "Freeze the card from the admin console before anything else, then open a Fraud investigation ticket with the transaction ids.",
      "Never confirm to the customer which merchant or account was involved until the fraud team has replied.",
    ],
  },
  {
    title: "Refund approval limits",
    paragraphs: [
      "Agents may credit up to £50 as goodwill without approval. Amounts up to £250 need a team lead; above that, open a Back-office ticket for the payments team.",
    ],
  },
  {
    title: "Handling VIP customers",
    paragraphs: [
      "Customers on the VIP plan are answered within one hour during office hours. Assign the conversation to the Premium Care team and tag it vip if the tag is missing.",
    ],
  },
  {
    title: "ATM kept the card: internal procedure",
    paragraphs: [
      "Terminate the card, order a free express replacement and note the ATM location. There is no public article for this yet; reply in your own words.",
    ],
  },
  {
    title: "Source of funds requests",
    paragraphs: [
      "When compliance asks for source of funds, send macro 'Source of funds request'. Accept payslips, sale contracts or inheritance letters dated within 6 months.",
    ],
  },
  {
    title: "Duplicate charges checklist",
    paragraphs: [
      "Check whether the second charge is a pending authorisation. Authorisations drop off within 7 days; only settled duplicates go to the disputes team.",
    ],
  },
];
