// Enters a household (the JSON of rules-core's Household) through the app's
// questionnaire, as a person would: clicking answers and typing numbers.
// Only what the household states is answered; everything else stays
// "不清楚". A field the UI does not offer for that person makes the test
// fail (the page never asks it), which keeps the fixtures realistic.

const radio = (name, value) => `input[type=radio][name="${name}"][value="${value}"]`;

async function choose(page, name, value) {
  if (value === undefined || value === null) return;
  await page.check(radio(name, String(value)));
}

async function next(page, step) {
  await page.click('.step-nav a:last-child');
  await page.locator(`.check[data-step="${step}"]`).waitFor();
}

export async function enterHousehold(page, baseUrl, pack, h) {
  await page.goto(`${baseUrl}/?region=${pack}`);
  await page.locator('.start-check').waitFor();
  await page.click('.start-check');
  await page.locator('.check[data-step="members"]').waitFor();

  // Step 1: members.
  for (let i = 0; i < h.members.length; i++) {
    const m = h.members[i];
    if (i > 0) {
      await page.click('.add-member');
      await choose(page, `m${i}-relation`, m.relation);
    }
    if (m.age !== undefined) await page.fill(`#m${i}-age`, String(m.age));
    await choose(page, `m${i}-sex`, m.sex);
  }

  // Step 2: each person's situation.
  await next(page, 'people');
  for (let i = 0; i < h.members.length; i++) {
    const m = h.members[i];
    if (i > 0) await choose(page, `m${i}-living`, m.living);
    await choose(page, `m${i}-hukou-local`, m.hukou?.local);
    await choose(page, `m${i}-hukou-kind`, m.hukou?.kind);
    if (m.disability) {
      await choose(page, `m${i}-disabled`, m.disability.has);
      await choose(page, `m${i}-disability-category`, m.disability.category);
      await choose(page, `m${i}-disability-grade`, m.disability.grade);
    }
    await choose(page, `m${i}-illness`, m.serious_illness);
    await choose(page, `m${i}-self-care`, m.self_care);
    await choose(page, `m${i}-student`, m.student);
    await choose(page, `m${i}-work-capacity`, m.work_capacity);
    await choose(page, `m${i}-employment`, m.employment);
    await choose(page, `m${i}-union`, m.union_member);
    await choose(page, `m${i}-orphan`, m.orphan_status);
    await choose(page, `m${i}-supporters`, m.supporters);
    await choose(page, `m${i}-care-mode`, m.care_mode);
    await choose(page, `m${i}-two-cancers`, m.two_cancers_diagnosis);
    if (m.hospital_stay) {
      await choose(page, `m${i}-hospital`, true);
      await choose(page, `m${i}-hospital-level`, m.hospital_stay.level);
      if (m.hospital_stay.days !== undefined) await page.fill(`#m${i}-hospital-days`, String(m.hospital_stay.days));
    }
  }

  // Step 3: income.
  await next(page, 'income');
  for (let i = 0; i < h.members.length; i++) {
    const incomes = h.members[i].incomes;
    if (incomes === undefined || incomes === null) continue;
    await choose(page, `m${i}-has-income`, incomes.length > 0);
    for (let r = 0; r < incomes.length; r++) {
      if (r > 0) await page.click(`section.income[data-member="${i}"] .add-income`);
      await page.selectOption(`#m${i}-income-${r}-kind`, incomes[r].kind);
      if (incomes[r].monthly !== undefined) await page.fill(`#m${i}-income-${r}-amount`, incomes[r].monthly);
    }
  }

  // Step 4: assets and spending.
  await next(page, 'assets');
  if (h.money_assets !== undefined) await page.fill('#money-assets', h.money_assets);
  if (h.cars !== undefined) await page.fill('#cars', String(h.cars));
  if (h.homes !== undefined) await page.fill('#homes', String(h.homes));
  await choose(page, 'business', h.runs_business);
  await choose(page, 'housing-difficulty', h.housing_difficulty);
  for (const k of ['medical', 'education', 'rehabilitation']) {
    const v = h.spending_12m?.[k];
    if (v !== undefined) await page.fill(`#spending-${k}`, v);
  }

  // Step 5: special circumstances.
  await next(page, 'special');
  await choose(page, 'emergency', h.emergency);
  await choose(page, 'recent-death', h.recent_death);
  await choose(page, 'legal-matter', h.legal_matter);
  await choose(page, 'monitoring', h.monitoring_target);
  if (h.current_benefits) {
    await choose(page, 'receives', h.current_benefits.length > 0);
    for (const b of h.current_benefits) await page.check(`#held-${b.program}`);
  }

  await next(page, 'results');
}

/** What the results page shows: program -> { outcome, amount, period }. */
export async function readResults(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('article.decision[data-program]')) {
      const amount = el.querySelector('.amount');
      out[el.dataset.program] = {
        outcome: el.dataset.outcome,
        amount: amount?.dataset.amount ?? null,
        period: amount?.dataset.period ?? null,
      };
    }
    for (const el of document.querySelectorAll('.not-offered .tag[data-program]')) {
      out[el.dataset.program] = { outcome: 'not_offered', amount: null, period: null };
    }
    return out;
  });
}

/** A made-up 身份证 number with a valid GB 11643 check character: nobody's. */
export function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Fill the application form (from the results page's "apply online"),
 *  without documents; the caller submits. */
export async function fillApplication(page, { name, id, mobile, address }) {
  await page.click('.apply-button');
  await page.locator('#apply-form').waitFor();
  await page.fill('#apply-name', name);
  await page.fill('#apply-id', id);
  await page.fill('#apply-mobile', mobile);
  await page.fill('#apply-address', address);
  await page.check('#apply-consent');
  await page.fill('#apply-consent-name', name);
}
