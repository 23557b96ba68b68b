/**
 * Generalisation probes for record assembly: sentences in the style of the
 * regional press about regions and indicators the seed articles do not cover,
 * each with the records it must give (all of them, so an extra record fails
 * too), and sentences whose numbers must give no record at all.
 */
import { describe, expect, it } from "vitest";
import { compileRules } from "../../../src/rules/compile.js";
import type { IndicatorRecord } from "../../../src/core/record.js";
import { expectRecords, recordsOf, recordView } from "../../core/run.js";

const rules = compileRules("rules");

/** What a probe checks of a record; a field left out is not checked. */
interface Want {
  value?: string;
  indicator: string;
  measure: "level" | "change" | "share" | "rank";
  amount: number;
  unit: string;
  qualifier?: string;
  direction?: "up" | "down" | null;
  territory?: string | null;
  place?: string | null;
  /** "from..to kind", or null for no period. */
  period?: string | null;
  counted?: string | null;
}

function view(r: IndicatorRecord): Required<Want> {
  return recordView(r);
}

function check(text: string, published: string | null, want: Want[]) {
  expectRecords(rules, text, published, want);
}

const P = "2025-08-15";

describe("records: other regions, other indicators", () => {
  const cases: Array<[string, string | null, Want[]]> = [
    [
      "По итогам первого полугодия 2025 года ВВП Казахстана вырос на 6,2%.",
      P,
      [{ indicator: "gdp", measure: "change", amount: 6.2, unit: "percent", direction: "up", territory: "KZ", period: "2025-01-01..2025-06-30 actual" }],
    ],
    [
      "Рост экономики страны за январь-июль составил 6,2%.",
      P,
      [{ indicator: "gdp", measure: "change", amount: 6.2, unit: "percent", direction: "up", territory: "KZ", period: "2025-01-01..2025-07-31 actual" }],
    ],
    [
      "Внешнеторговый оборот страны составил 141,6 млрд долларов США, экспорт – 78,2 млрд долларов, импорт – 63,4 млрд долларов.",
      P,
      [
        { indicator: "foreign_trade", measure: "level", amount: 141600000000, unit: "USD", territory: "KZ" },
        { indicator: "exports", measure: "level", amount: 78200000000, unit: "USD", territory: "KZ" },
        { indicator: "imports", measure: "level", amount: 63400000000, unit: "USD", territory: "KZ" },
      ],
    ],
    [
      "В Западно-Казахстанской области за девять месяцев производство мяса увеличилось на 2,4 тыс. тонн, а молока – на 5%.",
      "2025-11-05",
      [
        { indicator: "production", measure: "change", amount: 2400, unit: "t", direction: "up", territory: "KZ-27", period: "2025-01-01..2025-09-30 actual" },
        { indicator: "production", measure: "change", amount: 5, unit: "percent", direction: "up", territory: "KZ-27", period: "2025-01-01..2025-09-30 actual" },
      ],
    ],
    [
      "В Западно-Казахстанской области количество зарегистрированных субъектов МСБ превысило 54 тыс.",
      P,
      [{ indicator: "sme", measure: "level", amount: 54000, unit: "count", qualifier: "over", territory: "KZ-27", counted: "субъект МСБ" }],
    ],
    [
      "Годовая инфляция в Казахстане в июле 2025 года составила 11,8%.",
      P,
      [{ indicator: "inflation", measure: "level", amount: 11.8, unit: "percent", territory: "KZ", period: "2025-07-01..2025-07-31 actual" }],
    ],
    [
      "В Павлодарской области индекс физического объема промышленного производства за 7 месяцев составил 103,4%.",
      P,
      [{ indicator: "industrial_output", measure: "level", amount: 103.4, unit: "percent", territory: "KZ-55", period: "2025-01-01..2025-07-31 actual" }],
    ],
    [
      "В Павлодарской области рост в промышленности на 103,4%, в строительстве – на 112,5%.",
      P,
      [
        { indicator: "industrial_output", measure: "level", amount: 103.4, unit: "percent", territory: "KZ-55" },
        { indicator: "construction", measure: "level", amount: 112.5, unit: "percent", territory: "KZ-55" },
      ],
    ],
    [
      "Объем промышленного производства в Павлодарской области за январь-июль составил 2,9 трлн тенге.",
      P,
      [{ value: "2,9 трлн тенге", indicator: "industrial_output", measure: "level", amount: 2.9e12, unit: "KZT", qualifier: "exact", territory: "KZ-55", period: "2025-01-01..2025-07-31 actual" }],
    ],
    [
      "В Атырауской области объем промышленного производства снизился на 2,1%.",
      P,
      [{ indicator: "industrial_output", measure: "change", amount: -2.1, unit: "percent", direction: "down", territory: "KZ-23" }],
    ],
    [
      "Экспорт Атырауской области за первое полугодие составил 12,4 млрд долларов США.",
      P,
      [{ value: "12,4 млрд долларов США", indicator: "exports", measure: "level", amount: 12.4e9, unit: "USD", territory: "KZ-23", period: "2025-01-01..2025-06-30 actual" }],
    ],
    [
      "Импорт в Мангистаускую область за 6 месяцев сократился на 8,7%.",
      P,
      [{ indicator: "imports", measure: "change", amount: -8.7, unit: "percent", direction: "down", territory: "KZ-47", period: "2025-01-01..2025-06-30 actual" }],
    ],
    [
      "Экспорт Костанайской области составил 1,2 млрд долларов, импорт – 800 млн долларов.",
      P,
      [
        { indicator: "exports", measure: "level", amount: 1.2e9, unit: "USD", territory: "KZ-39" },
        { indicator: "imports", measure: "level", amount: 8e8, unit: "USD", territory: "KZ-39" },
      ],
    ],
    [
      "В Туркестанской области за 7 месяцев введено в эксплуатацию 1,1 млн кв. м жилья.",
      P,
      [{ value: "1,1 млн кв. м", indicator: "housing", measure: "level", amount: 1.1e6, unit: "m2", territory: "KZ-61", period: "2025-01-01..2025-07-31 actual" }],
    ],
    [
      "В Алматинской области в первом полугодии введено 650 тыс. кв. м жилья, это на 5,3% меньше, чем годом ранее.",
      P,
      [
        { indicator: "housing", measure: "level", amount: 650000, unit: "m2", territory: "KZ-19", period: "2025-01-01..2025-06-30 actual" },
        { indicator: "housing", measure: "change", amount: -5.3, unit: "percent", direction: "down", territory: "KZ-19" },
      ],
    ],
    [
      "Объем розничной торговли в Шымкенте за январь-июль составил 1,3 трлн тенге.",
      P,
      [{ indicator: "trade", measure: "level", amount: 1.3e12, unit: "KZT", territory: "KZ-79", period: "2025-01-01..2025-07-31 actual" }],
    ],
    [
      "Розничный товарооборот в Кызылординской области вырос на 7,8% и составил 450,2 млрд тенге.",
      P,
      [
        { indicator: "trade", measure: "change", amount: 7.8, unit: "percent", direction: "up", territory: "KZ-43" },
        { indicator: "trade", measure: "level", amount: 450.2e9, unit: "KZT", territory: "KZ-43" },
      ],
    ],
    [
      "Грузооборот всех видов транспорта в Мангистауской области вырос на 4,5%.",
      P,
      [{ indicator: "transport", measure: "change", amount: 4.5, unit: "percent", direction: "up", territory: "KZ-47" }],
    ],
    [
      "Грузооборот в Павлодарской области составил 12,3 млрд ткм.",
      P,
      [{ indicator: "transport", measure: "level", amount: 12.3e9, unit: "tkm", territory: "KZ-55" }],
    ],
    [
      "Налоговые поступления в местный бюджет Астаны составили 1,2 трлн тенге.",
      P,
      [{ indicator: "tax_revenue", measure: "level", amount: 1.2e12, unit: "KZT", territory: "KZ-71" }],
    ],
    [
      "Налоговые поступления в Астане выросли в 1,3 раза.",
      P,
      [{ value: "в 1,3 раза", indicator: "tax_revenue", measure: "change", amount: 1.3, unit: "times", direction: "up", territory: "KZ-71" }],
    ],
    [
      "В Костанайской области зарегистрировано 45 тыс. субъектов МСБ.",
      P,
      [{ indicator: "sme", measure: "level", amount: 45000, unit: "count", counted: "субъект МСБ", territory: "KZ-39" }],
    ],
    [
      "В Жамбылской области действует 85 тыс. субъектов малого и среднего бизнеса.",
      P,
      [{ value: "85 тыс. субъектов малого и среднего бизнеса", indicator: "sme", measure: "level", amount: 85000, unit: "count", territory: "KZ-31" }],
    ],
    [
      "В этом году аграрии Северо-Казахстанской области собрали 5,2 млн тонн зерна.",
      "2025-10-20",
      [{ indicator: "production", measure: "level", amount: 5.2e6, unit: "t", territory: "KZ-59", period: "2025-01-01..2025-12-31 actual" }],
    ],
    [
      "Поголовье крупного рогатого скота в Акмолинской области составило 520 тыс. голов.",
      P,
      [{ indicator: "production", measure: "level", amount: 520000, unit: "head", territory: "KZ-11" }],
    ],
    [
      "Добыча нефти в Атырауской области составила 28,5 млн тонн.",
      P,
      [{ indicator: "production", measure: "level", amount: 28.5e6, unit: "t", territory: "KZ-23" }],
    ],
    [
      "В Павлодарской области произведено 1,2 млн тонн алюминия.",
      P,
      [{ indicator: "production", measure: "level", amount: 1.2e6, unit: "t", territory: "KZ-55" }],
    ],
    [
      "В Туркестанской области надоено 450 тыс. тонн молока, что на 3,2% больше, чем годом ранее.",
      P,
      [
        { indicator: "production", measure: "level", amount: 450000, unit: "t", territory: "KZ-61" },
        { indicator: "production", measure: "change", amount: 3.2, unit: "percent", direction: "up", territory: "KZ-61" },
      ],
    ],
    [
      "Среднемесячная номинальная заработная плата в Атырауской области составила 687 тыс. тенге.",
      P,
      [{ value: "687 тыс. тенге", indicator: "avg_monthly_wage", measure: "level", amount: 687000, unit: "KZT", territory: "KZ-23" }],
    ],
    [
      "Средняя зарплата в Атырауской области выросла на 12% и составила 687 тыс. тенге.",
      P,
      [
        { indicator: "avg_monthly_wage", measure: "change", amount: 12, unit: "percent", direction: "up", territory: "KZ-23" },
        { indicator: "avg_monthly_wage", measure: "level", amount: 687000, unit: "KZT", territory: "KZ-23" },
      ],
    ],
    [
      "Численность населения Шымкента на 1 июля 2025 года составила 1,26 млн человек.",
      P,
      [{ indicator: "population", measure: "level", amount: 1.26e6, unit: "count", territory: "KZ-79", period: "2025-07-01..2025-07-01 actual" }],
    ],
    [
      "В Шымкенте численность населения превысила 1,2 млн человек, из них 52% – женщины.",
      P,
      [
        { indicator: "population", measure: "level", amount: 1.2e6, unit: "count", qualifier: "over", territory: "KZ-79" },
        { indicator: "population", measure: "share", amount: 52, unit: "percent", territory: "KZ-79" },
      ],
    ],
    [
      "Уровень безработицы в Жамбылской области снизился до 4,7%.",
      P,
      [{ indicator: "unemployment_rate", measure: "level", amount: 4.7, unit: "percent", qualifier: "exact", territory: "KZ-31" }],
    ],
    [
      "Безработица в Мангистауской области составила 4,9%, что на 0,1 п.п. ниже прошлогоднего.",
      P,
      [
        { indicator: "unemployment_rate", measure: "level", amount: 4.9, unit: "percent", territory: "KZ-47" },
        { indicator: "unemployment_rate", measure: "change", amount: -0.1, unit: "pp", direction: "down", territory: "KZ-47" },
      ],
    ],
    [
      "Безработица в стране составила 4,7%.",
      P,
      [{ indicator: "unemployment_rate", measure: "level", amount: 4.7, unit: "percent", territory: "KZ" }],
    ],
    [
      "Доля обрабатывающей промышленности в структуре промышленности Павлодарской области составляет 68,3%.",
      P,
      [{ indicator: "industrial_output", measure: "share", amount: 68.3, unit: "percent", territory: "KZ-55" }],
    ],
    [
      "Горнодобывающая промышленность Улытауской области обеспечивает около 60% ВРП региона.",
      P,
      [{ indicator: "grp", measure: "share", amount: 60, unit: "percent", qualifier: "approx", territory: "KZ-62" }],
    ],
    [
      "Промышленность Карагандинской области дает 40% ВРП.",
      P,
      [{ indicator: "grp", measure: "share", amount: 40, unit: "percent", territory: "KZ-35" }],
    ],
    [
      "На долю Атырауской области приходится 30% всех инвестиций страны.",
      P,
      [{ measure: "share", indicator: "investment", amount: 30, unit: "percent", territory: "KZ-23" }],
    ],
    [
      "Павлодарская область занимает 2-е место в республике по объему промышленного производства.",
      P,
      [{ value: "2-е место", indicator: "industrial_output", measure: "rank", amount: 2, unit: "place", territory: "KZ-55" }],
    ],
    [
      "По объему ВРП Атырауская область занимает первое место в стране.",
      P,
      [{ indicator: "grp", measure: "rank", amount: 1, unit: "place", territory: "KZ-23" }],
    ],
    [
      "По итогам полугодия Туркестанская область заняла третье место по объему инвестиций.",
      P,
      [{ indicator: "investment", measure: "rank", amount: 3, unit: "place", territory: "KZ-61", period: "2025-01-01..2025-06-30 actual" }],
    ],
    [
      "В Туркестанской области в 2024 году построено 12 школ.",
      P,
      [{ value: "12 школ", indicator: "schools", measure: "level", amount: 12, unit: "count", counted: "школа", territory: "KZ-61", period: "2024-01-01..2024-12-31 actual" }],
    ],
    [
      "В Жетысуской области за полугодие создано 1 500 рабочих мест.",
      P,
      [{ indicator: "jobs_created", measure: "level", amount: 1500, unit: "count", counted: "рабочее место", territory: "KZ-33", period: "2025-01-01..2025-06-30 actual" }],
    ],
    [
      "В Улытауской области создано порядка 2 тыс. рабочих мест, из них 1,5 тыс. – постоянные.",
      P,
      [
        { indicator: "jobs_created", measure: "level", amount: 2000, unit: "count", qualifier: "approx", territory: "KZ-62" },
        { indicator: "jobs_created", measure: "level", amount: 1500, unit: "count", qualifier: "exact", territory: "KZ-62" },
      ],
    ],
    [
      "Валовая продукция сельского хозяйства Алматинской области выросла в 1,5 раза.",
      P,
      [{ indicator: "agri_output", measure: "change", amount: 1.5, unit: "times", direction: "up", territory: "KZ-19" }],
    ],
    [
      "Объем инвестиций в основной капитал Кызылординской области увеличился на 12,3% и составил 310,5 млрд тенге.",
      P,
      [
        { indicator: "fixed_capital_investment", measure: "change", amount: 12.3, unit: "percent", direction: "up", territory: "KZ-43" },
        { indicator: "fixed_capital_investment", measure: "level", amount: 310.5e9, unit: "KZT", territory: "KZ-43" },
      ],
    ],
    [
      "Инвестиции в основной капитал в Мангистауской области выросли более чем на 20%.",
      P,
      [{ indicator: "fixed_capital_investment", measure: "change", amount: 20, unit: "percent", qualifier: "over", direction: "up", territory: "KZ-47" }],
    ],
    [
      "Прямые иностранные инвестиции в Атыраускую область за первый квартал достигли 2,1 млрд долларов.",
      P,
      [{ indicator: "fdi", measure: "level", amount: 2.1e9, unit: "USD", territory: "KZ-23", period: "2025-01-01..2025-03-31 actual" }],
    ],
    [
      "Объем строительных работ в Актюбинской области вырос на 15,2%.",
      P,
      [{ indicator: "construction", measure: "change", amount: 15.2, unit: "percent", direction: "up", territory: "KZ-15" }],
    ],
    [
      "Реальные денежные доходы населения ЗКО выросли на 3,1%.",
      P,
      [{ indicator: "household_income", measure: "change", amount: 3.1, unit: "percent", direction: "up", territory: "KZ-27" }],
    ],
    [
      "Объем услуг связи в Алматы составил 290 млрд тенге.",
      P,
      [{ indicator: "communications", measure: "level", amount: 290e9, unit: "KZT", territory: "KZ-75" }],
    ],
    [
      "По итогам 2024 года ВРП Мангистауской области составил 6,5 трлн тенге.",
      P,
      [{ indicator: "grp", measure: "level", amount: 6.5e12, unit: "KZT", territory: "KZ-47", period: "2024-01-01..2024-12-31 actual" }],
    ],
    [
      "ВРП Шымкента за 2024 год составил 5,8 трлн тенге, рост – 8,1%.",
      P,
      [
        { indicator: "grp", measure: "level", amount: 5.8e12, unit: "KZT", territory: "KZ-79", period: "2024-01-01..2024-12-31 actual" },
        { indicator: "grp", measure: "change", amount: 8.1, unit: "percent", direction: "up", territory: "KZ-79" },
      ],
    ],
    [
      "Объем ВРП Павлодарской области увеличился почти на 4%.",
      P,
      [{ indicator: "grp", measure: "change", amount: 4, unit: "percent", qualifier: "almost", direction: "up", territory: "KZ-55" }],
    ],
    [
      "В Экибастузе построено 2 000 квартир.",
      P,
      [{ indicator: "housing", measure: "level", amount: 2000, unit: "count", counted: "квартира", territory: "KZ-55", place: "Экибастуз" }],
    ],
    [
      "В Экибастузе произведено продукции на 900 млрд тенге.",
      P,
      [{ indicator: "industrial_output", measure: "level", amount: 900e9, unit: "KZT", territory: "KZ-55", place: "Экибастуз" }],
    ],
    [
      "В Темиртау выплавлено 3,1 млн тонн стали.",
      P,
      [{ indicator: "production", measure: "level", amount: 3.1e6, unit: "t", territory: "KZ-35", place: "Темиртау" }],
    ],
    [
      "В Мангистауской области реализовано 15 проектов на сумму 230 млрд тенге.",
      P,
      [
        { indicator: "investment_projects", measure: "level", amount: 15, unit: "count", counted: "проект", territory: "KZ-47" },
        { indicator: "investment_projects", measure: "level", amount: 230e9, unit: "KZT", territory: "KZ-47" },
      ],
    ],
    [
      "Объем кредитования в Атырауской области составил 120 млрд тг.",
      P,
      [{ value: "120 млрд тг", indicator: "lending", measure: "level", amount: 120e9, unit: "KZT", territory: "KZ-23" }],
    ],
    [
      "Выдано 2 500 кредитов на 45 млрд тенге.",
      P,
      [
        { indicator: "lending", measure: "level", amount: 2500, unit: "count", counted: "кредит" },
        { indicator: "lending", measure: "level", amount: 45e9, unit: "KZT" },
      ],
    ],
    [
      "Экспорт снизился вдвое.",
      P,
      [{ value: "вдвое", indicator: "exports", measure: "change", amount: 2, unit: "times", direction: "down" }],
    ],
    [
      "Двукратный рост экономики Туркестанской области ожидается к 2029 году.",
      P,
      [{ value: "Двукратный", indicator: "grp", measure: "change", amount: 2, unit: "times", direction: "up", territory: "KZ-61", period: "..2029-12-31 target" }],
    ],
    [
      "Инфляция в годовом выражении ускорилась до 12,2%, а в Шымкенте замедлилась до 9,8%.",
      P,
      [
        { indicator: "inflation", measure: "level", amount: 12.2, unit: "percent", qualifier: "exact" },
        { indicator: "inflation", measure: "level", amount: 9.8, unit: "percent", qualifier: "exact", territory: "KZ-79" },
      ],
    ],
    [
      "Бюджет предусматривает до 5 млрд тенге на ремонт дорог.",
      P,
      [{ indicator: "budget", measure: "level", amount: 5e9, unit: "KZT", qualifier: "under" }],
    ],
    [
      "В строительстве рост составил 18,4%, в сельском хозяйстве – 3,2%, в торговле – 7,5%.",
      P,
      [
        { indicator: "construction", measure: "change", amount: 18.4, unit: "percent", direction: "up" },
        { indicator: "agri_output", measure: "change", amount: 3.2, unit: "percent", direction: "up" },
        { indicator: "trade", measure: "change", amount: 7.5, unit: "percent", direction: "up" },
      ],
    ],
    [
      "Производство чугуна выросло на 6%, стали – 6,9%.",
      P,
      [
        { indicator: "production", measure: "change", amount: 6, unit: "percent", direction: "up" },
        { indicator: "production", measure: "change", amount: 6.9, unit: "percent", direction: "up" },
      ],
    ],
    [
      "ВРП вырос на 5%, индекс промышленного производства – 104,2%.",
      P,
      [
        { indicator: "grp", measure: "change", amount: 5, unit: "percent", direction: "up" },
        { indicator: "industrial_output", measure: "level", amount: 104.2, unit: "percent" },
      ],
    ],
    [
      "Экспорт вырос на 20%, импорт – 800 млн долларов.",
      P,
      [
        { indicator: "exports", measure: "change", amount: 20, unit: "percent", direction: "up" },
        { indicator: "imports", measure: "level", amount: 8e8, unit: "USD" },
      ],
    ],
    [
      "Наибольший объем промышленного производства приходится на Атыраускую область – 7,8 трлн тенге, на втором месте Карагандинская область – 3,9 трлн тенге.",
      P,
      [
        { indicator: "industrial_output", measure: "level", amount: 7.8e12, unit: "KZT", territory: "KZ-23" },
        { indicator: "industrial_output", measure: "rank", amount: 2, unit: "place", territory: "KZ-35" },
        { indicator: "industrial_output", measure: "level", amount: 3.9e12, unit: "KZT", territory: "KZ-35" },
      ],
    ],
    [
      "В Атырауской области инфляция составила 11,2%, в Мангистауской – 12,5%.",
      P,
      [
        { indicator: "inflation", measure: "level", amount: 11.2, unit: "percent", territory: "KZ-23" },
        { indicator: "inflation", measure: "level", amount: 12.5, unit: "percent", territory: "KZ-47" },
      ],
    ],
    [
      "Поголовье овец увеличилось на 3,2% до 2,1 млн голов.",
      P,
      [
        { indicator: "production", measure: "change", amount: 3.2, unit: "percent", direction: "up" },
        { indicator: "production", measure: "level", amount: 2.1e6, unit: "head", qualifier: "exact" },
      ],
    ],
    [
      "Экспорт вырос на 5%, до 2 млрд долларов.",
      P,
      [
        { indicator: "exports", measure: "change", amount: 5, unit: "percent", direction: "up" },
        { indicator: "exports", measure: "level", amount: 2e9, unit: "USD", qualifier: "exact" },
      ],
    ],
    [
      "Выпуск продукции в 1,5 раза больше, чем в прошлом году.",
      P,
      [{ indicator: "industrial_output", measure: "change", amount: 1.5, unit: "times", direction: "up" }],
    ],
    [
      "Производство зерна увеличилось на 5 тыс. тонн.",
      P,
      [{ value: "5 тыс. тонн", indicator: "production", measure: "change", amount: 5000, unit: "t", direction: "up" }],
    ],
    [
      "В Карагандинской области объем промышленного производства составил 2,8 трлн тенге (+4,2%).",
      P,
      [
        { indicator: "industrial_output", measure: "level", amount: 2.8e12, unit: "KZT", territory: "KZ-35" },
        { value: "+4,2%", indicator: "industrial_output", measure: "change", amount: 4.2, unit: "percent", direction: "up", territory: "KZ-35" },
      ],
    ],
    [
      "Индекс потребительских цен в Павлодарской области составил 110,8%.",
      P,
      [{ indicator: "inflation", measure: "level", amount: 110.8, unit: "percent", territory: "KZ-55" }],
    ],
    [
      "Маслихат утвердил бюджет города Алматы на 2026 год в объеме 1,5 трлн тенге.",
      P,
      [{ indicator: "budget", measure: "level", amount: 1.5e12, unit: "KZT", territory: "KZ-75", period: "2026-01-01..2026-12-31 plan" }],
    ],
    [
      "В Актюбинской области будет создано не менее 500 рабочих мест.",
      P,
      [{ indicator: "jobs_created", measure: "level", amount: 500, unit: "count", qualifier: "at_least", territory: "KZ-15", period: ".. plan" }],
    ],
    [
      "Инфляция в Костанайской области не превысит 9%.",
      P,
      [{ indicator: "inflation", measure: "level", amount: 9, unit: "percent", qualifier: "at_most", territory: "KZ-39", period: ".. plan" }],
    ],
    [
      "Инфляция в текущем году превысит 10%.",
      P,
      [{ indicator: "inflation", measure: "level", amount: 10, unit: "percent", qualifier: "over", period: "2025-01-01..2025-12-31 plan" }],
    ],
    [
      "В Павлодарской области на долю обрабатывающей промышленности приходится более 36% всех инвестиций.",
      P,
      [{ indicator: "investment", measure: "share", amount: 36, unit: "percent", qualifier: "over", territory: "KZ-55" }],
    ],
    [
      "Около половины промышленной продукции Карагандинской области приходится на металлургию.",
      P,
      [{ value: "половины", indicator: "industrial_output", measure: "share", amount: 50, unit: "percent", qualifier: "approx", territory: "KZ-35" }],
    ],
    [
      "К 2029 году ВРП Атырауской области планируется увеличить вдвое.",
      P,
      [{ value: "вдвое", indicator: "grp", measure: "change", amount: 2, unit: "times", direction: "up", territory: "KZ-23", period: "..2029-12-31 target" }],
    ],
    [
      "До 2030 года в Шымкенте построят 40 школ.",
      P,
      [{ indicator: "schools", measure: "level", amount: 40, unit: "count", territory: "KZ-79", period: "..2030-12-31 plan" }],
    ],
    [
      "За 2024 год в Жамбылской области введено 850 тыс. кв. м жилья, что на 10% больше уровня 2023 года.",
      P,
      [
        { indicator: "housing", measure: "level", amount: 850000, unit: "m2", territory: "KZ-31", period: "2024-01-01..2024-12-31 actual" },
        { indicator: "housing", measure: "change", amount: 10, unit: "percent", direction: "up", territory: "KZ-31", period: "2024-01-01..2024-12-31 actual" },
      ],
    ],
    [
      "Тарифы на услуги в Астане выросли почти вдвое.",
      P,
      [{ value: "вдвое", indicator: "other", measure: "change", amount: 2, unit: "times", qualifier: "almost", direction: "up", territory: "KZ-71" }],
    ],
    [
      "Доходы компании за 2024 год составили 3,04 млрд долларов США.",
      P,
      [{ indicator: "other", measure: "level", amount: 3.04e9, unit: "USD", period: "2024-01-01..2024-12-31 actual" }],
    ],
    [
      "Денежные доходы населения Павлодарской области выросли на 5%.",
      P,
      [{ indicator: "household_income", measure: "change", amount: 5, unit: "percent", direction: "up", territory: "KZ-55" }],
    ],
    [
      "В Павлодаре 330 тыс. жителей.",
      P,
      [{ indicator: "population", measure: "level", amount: 330000, unit: "count", counted: "житель", territory: "KZ-55", place: "Павлодар" }],
    ],
    [
      "В Туркестанской области надоено 450 тыс. тонн молока, а урожай зерна составил 1,2 млн тонн.",
      P,
      [
        { indicator: "production", measure: "level", amount: 450000, unit: "t", territory: "KZ-61" },
        { indicator: "production", measure: "level", amount: 1.2e6, unit: "t", territory: "KZ-61" },
      ],
    ],
    [
      "На развитие Туркестанской области привлечено два с половиной миллиарда тенге инвестиций.",
      P,
      [{ value: "два с половиной миллиарда тенге", indicator: "investment", measure: "level", amount: 2.5e9, unit: "KZT", territory: "KZ-61" }],
    ],
    [
      "Три четверти продукции Павлодарской области экспортируется.",
      P,
      [{ value: "Три четверти", indicator: "exports", measure: "share", amount: 75, unit: "percent", territory: "KZ-55" }],
    ],
    [
      "Объем производства продукции сельского хозяйства в СКО составил 1,2 трлн тенге.",
      P,
      [{ indicator: "agri_output", measure: "level", amount: 1.2e12, unit: "KZT", territory: "KZ-59" }],
    ],
    [
      "Экспорт продукции сельского хозяйства из СКО вырос на 12%.",
      P,
      [{ indicator: "exports", measure: "change", amount: 12, unit: "percent", direction: "up", territory: "KZ-59" }],
    ],
    [
      "Наибольший прирост инвестиций отмечен в Шымкенте (+45%), Туркестанской (+32%) и Жамбылской (+28%) областях.",
      P,
      [
        { indicator: "investment", measure: "change", amount: 45, unit: "percent", direction: "up", territory: "KZ-79" },
        { indicator: "investment", measure: "change", amount: 32, unit: "percent", direction: "up", territory: "KZ-61" },
        { indicator: "investment", measure: "change", amount: 28, unit: "percent", direction: "up", territory: "KZ-31" },
      ],
    ],
    [
      "Если в Павлодарской области ВРП вырос на 5%, то в Карагандинской – на 3%.",
      P,
      [
        { indicator: "grp", measure: "change", amount: 5, unit: "percent", direction: "up", territory: "KZ-55" },
        { indicator: "grp", measure: "change", amount: 3, unit: "percent", direction: "up", territory: "KZ-35" },
      ],
    ],
    [
      "Урожайность зерновых в СКО составила 15,2 ц/га.",
      P,
      [{ indicator: "production", measure: "level", amount: 15.2, unit: "c/ha", territory: "KZ-59" }],
    ],
    [
      "В Акмолинской области засеяно 4,5 млн гектаров.",
      P,
      [{ indicator: "area", measure: "level", amount: 4.5e6, unit: "ha", territory: "KZ-11" }],
    ],
    // percentages of catalogue indicators that have no other unit: gasification, the base rate
    [
      "Уровень газификации Павлодарской области достиг 65%.",
      P,
      [{ indicator: "gasification", measure: "level", amount: 65, unit: "percent", territory: "KZ-55" }],
    ],
    [
      "Нацбанк повысил базовую ставку на 1,5 процентного пункта, до 16,5%.",
      P,
      [
        { indicator: "base_rate", measure: "change", amount: 1.5, unit: "pp", direction: "up" },
        { indicator: "base_rate", measure: "level", amount: 16.5, unit: "percent" },
      ],
    ],
    // prices of housing are not its commissioning
    [
      "Цены на жилье в Астане выросли почти вдвое.",
      P,
      [{ value: "вдвое", indicator: "housing_prices", measure: "change", amount: 2, unit: "times", qualifier: "almost", direction: "up", territory: "KZ-71" }],
    ],
    [
      "Средняя стоимость квадратного метра жилья в Алматы составила 650 тыс. тенге.",
      P,
      [{ indicator: "housing_prices", measure: "level", amount: 650000, unit: "KZT", territory: "KZ-75" }],
    ],
    [
      "Цены на вторичное жилье в Шымкенте за год выросли на 12%.",
      P,
      [{ indicator: "housing_prices", measure: "change", amount: 12, unit: "percent", direction: "up", territory: "KZ-79" }],
    ],
    // per capita is an indicator of its own
    [
      "Объем ВРП на душу населения в Атырауской области составил 25,2 млн тенге.",
      P,
      [{ indicator: "grp_per_capita", measure: "level", amount: 25.2e6, unit: "KZT", territory: "KZ-23" }],
    ],
    [
      "ВВП на душу населения в Казахстане превысил 14 тыс. долларов.",
      P,
      [{ indicator: "gdp_per_capita", measure: "level", amount: 14000, unit: "USD", qualifier: "over", territory: "KZ" }],
    ],
    // "на душу населения" going on GRP's (GDP's) list is per capita; alone, or after another indicator's words, it is no cue
    [
      "ВРП Атырауской области составил 15 трлн тенге, а на душу населения – 25,2 млн тенге.",
      P,
      [
        { indicator: "grp", measure: "level", amount: 15e12, unit: "KZT", territory: "KZ-23" },
        { indicator: "grp_per_capita", measure: "level", amount: 25.2e6, unit: "KZT", territory: "KZ-23" },
      ],
    ],
    [
      "ВВП Казахстана составил 260 млрд долларов, а в расчете на душу населения – 13 тыс. долларов.",
      P,
      [
        { indicator: "gdp", measure: "level", amount: 260e9, unit: "USD", territory: "KZ" },
        { indicator: "gdp_per_capita", measure: "level", amount: 13000, unit: "USD", territory: "KZ" },
      ],
    ],
    [
      "ВРП Атырауской области составил 15 трлн тенге, а доходы на душу населения – 180 тыс. тенге.",
      P,
      [
        { indicator: "grp", measure: "level", amount: 15e12, unit: "KZT", territory: "KZ-23" },
        { indicator: "household_income", measure: "level", amount: 180000, unit: "KZT", territory: "KZ-23" },
      ],
    ],
    [
      "В Атырауской области на душу населения приходится 180 тыс. тенге.",
      P,
      [{ indicator: "other", measure: "level", amount: 180000, unit: "KZT", territory: "KZ-23" }],
    ],
    // years joined by "и": each to its number among as many joined numbers, in order; else both years as one range
    [
      "Инвестиции в основной капитал Павлодарской области в 2023 и 2024 годах составили 1,2 и 1,5 трлн тенге.",
      P,
      [
        { value: "1,2", indicator: "fixed_capital_investment", measure: "level", amount: 1.2e12, unit: "KZT", territory: "KZ-55", period: "2023-01-01..2023-12-31 actual" },
        { value: "1,5 трлн тенге", indicator: "fixed_capital_investment", measure: "level", amount: 1.5e12, unit: "KZT", territory: "KZ-55", period: "2024-01-01..2024-12-31 actual" },
      ],
    ],
    [
      "Инвестиции в основной капитал Павлодарской области в 2023 и 2024 годах составили 2,7 трлн тенге.",
      P,
      [{ indicator: "fixed_capital_investment", measure: "level", amount: 2.7e12, unit: "KZT", territory: "KZ-55", period: "2023-01-01..2024-12-31 actual" }],
    ],
    // "соответственно": joined numbers take the places named before them, in order
    [
      "В Астане и Алматы введено 3,2 и 2,8 млн кв. м жилья соответственно.",
      P,
      [
        { value: "3,2", indicator: "housing", measure: "level", amount: 3.2e6, unit: "m2", territory: "KZ-71" },
        { value: "2,8 млн кв. м", indicator: "housing", measure: "level", amount: 2.8e6, unit: "m2", territory: "KZ-75" },
      ],
    ],
    // without it, both take the nearer
    [
      "В Астане и Алматы введено 3,2 и 2,8 млн кв. м жилья.",
      P,
      [
        { value: "3,2", indicator: "housing", measure: "level", amount: 3.2e6, unit: "m2", territory: "KZ-75" },
        { value: "2,8 млн кв. м", indicator: "housing", measure: "level", amount: 2.8e6, unit: "m2", territory: "KZ-75" },
      ],
    ],
    // the country in the genitive right after a catalogue cue is the territory (foreign_trade is in the catalogue now)
    [
      "Внешнеторговый оборот Казахстана составил 68,5 млрд долларов.",
      P,
      [{ indicator: "foreign_trade", measure: "level", amount: 68.5e9, unit: "USD", territory: "KZ" }],
    ],
    // numbers joined by "и" share their unit, scale and preposition, and the change word before both
    [
      "Экспорт Павлодарской области вырос на 5 и 7% в первом и втором кварталах 2025 года.",
      P,
      [
        { value: "5", indicator: "exports", measure: "change", amount: 5, unit: "percent", direction: "up", territory: "KZ-55" },
        { value: "7%", indicator: "exports", measure: "change", amount: 7, unit: "percent", direction: "up", territory: "KZ-55" },
      ],
    ],
    [
      "Инвестиции в основной капитал Павлодарской области выросли на 5 и 7 млрд тенге.",
      P,
      [
        { value: "5", indicator: "fixed_capital_investment", measure: "change", amount: 5e9, unit: "KZT", direction: "up", territory: "KZ-55" },
        { value: "7 млрд тенге", indicator: "fixed_capital_investment", measure: "change", amount: 7e9, unit: "KZT", direction: "up", territory: "KZ-55" },
      ],
    ],
    [
      "Импорт Павлодарской области составил 3 и 4 млрд долларов.",
      P,
      [
        { value: "3", indicator: "imports", measure: "level", amount: 3e9, unit: "USD", territory: "KZ-55" },
        { value: "4 млрд долларов", indicator: "imports", measure: "level", amount: 4e9, unit: "USD", territory: "KZ-55" },
      ],
    ],
    // "человек" counts whom the sentence names: tourists, the unemployed, else residents
    [
      "По итогам 2024 года численность туристов в Акмолинской области выросла до 1,5 млн человек.",
      P,
      [{ value: "1,5 млн человек", indicator: "tourism", measure: "level", amount: 1.5e6, unit: "count", counted: "человек", territory: "KZ-11" }],
    ],
    [
      "Численность безработных в Карагандинской области составила 28,4 тыс. человек, уровень безработицы – 4,6%.",
      P,
      [
        { value: "28,4 тыс. человек", indicator: "unemployed", measure: "level", amount: 28400, unit: "count", counted: "человек", territory: "KZ-35" },
        { indicator: "unemployment_rate", measure: "level", amount: 4.6, unit: "percent", territory: "KZ-35" },
      ],
    ],
    [
      "Численность населения Павлодарской области составила 750 тыс. человек.",
      P,
      [{ value: "750 тыс. человек", indicator: "population", measure: "level", amount: 750000, unit: "count", counted: "человек", territory: "KZ-55" }],
    ],
    // "годом ранее" names the earlier figure's own period: the sentence's period a year back
    [
      "За январь-июль 2025 года инфляция в Казахстане составила 10,2% против 9,5% годом ранее.",
      P,
      [
        { indicator: "inflation", measure: "level", amount: 10.2, unit: "percent", territory: "KZ", period: "2025-01-01..2025-07-31 actual" },
        { indicator: "inflation", measure: "level", amount: 9.5, unit: "percent", territory: "KZ", period: "2024-01-01..2024-07-31 actual" },
      ],
    ],
    [
      "Инвестиции в основной капитал Костанайской области за 2024 год составили 500 млрд тенге (годом ранее – 420 млрд тенге).",
      P,
      [
        { indicator: "fixed_capital_investment", measure: "level", amount: 5e11, unit: "KZT", territory: "KZ-39", period: "2024-01-01..2024-12-31 actual" },
        { indicator: "fixed_capital_investment", measure: "level", amount: 4.2e11, unit: "KZT", territory: "KZ-39", period: "2023-01-01..2023-12-31 actual" },
      ],
    ],
    [
      "В первом полугодии 2025 года инфляция в Павлодарской области составила 8,1% против 10% год назад, а в июле – 0,6%.",
      P,
      [
        { indicator: "inflation", measure: "level", amount: 8.1, unit: "percent", territory: "KZ-55", period: "2025-01-01..2025-06-30 actual" },
        { indicator: "inflation", measure: "level", amount: 10, unit: "percent", territory: "KZ-55", period: "2024-01-01..2024-06-30 actual" },
        { indicator: "inflation", measure: "level", amount: 0.6, unit: "percent", territory: "KZ-55", period: "2025-07-01..2025-07-31 actual" },
      ],
    ],
    // with no period before it, "годом ранее" says nothing certain: neither figure gets a period
    [
      "Инфляция в Казахстане составила 10,2% против 9,5% годом ранее.",
      P,
      [
        { indicator: "inflation", measure: "level", amount: 10.2, unit: "percent", territory: "KZ", period: null },
        { indicator: "inflation", measure: "level", amount: 9.5, unit: "percent", territory: "KZ", period: null },
      ],
    ],
  ];
  for (const [text, published, want] of cases)
    it(text, () => {
      check(text, published, want);
    });
});

describe("records: numbers that are no indicator give no record", () => {
  const cases = [
    "В 2024 году в Павлодаре прошел форум.",
    "Мероприятие состоялось 15 августа 2025 года в Актау.",
    "В течение трех лет планируется модернизировать ТЭЦ.",
    "Президент определил семь направлений развития экономики.",
    "В форуме приняли участие 300 человек.",
    "Просмотров: 1 245",
    "Приказ № 5 от 12 марта 2024 года.",
    "1. Развитие промышленности Атырауской области.",
    "Фото: пресс-служба акимата Мангистауской области, 2025 год",
    "На встрече присутствовали 45 депутатов маслихата.",
    "Глава региона провел 12 встреч с инвесторами.",
    "Программа рассчитана на 5 лет.",
    "Телефон доверия: 8 (7172) 55-66-77.",
    "Об этом сообщили 12 августа в 10:30 в акимате Туркестанской области.",
    "В 1990-х годах завод был закрыт.",
    "В конкурсе участвовали 25 команд из 17 регионов.",
    "Заседание прошло в зале № 3 на 2 этаже.",
    "Ему 45 лет, он родился в 1980 году.",
    "Вспышка COVID-19 в 2020 году затронула 17 регионов.",
    "Он трижды становился лауреатом премии, а его команда дважды выигрывала кубок.",
    "Двукратный чемпион мира провел мастер-класс в Павлодаре.",
    "Во второй половине 1950-х годов завод расширили.",
    "В первой половине дня прошло совещание.",
    "Команда Павлодарской области заняла 3-е место в чемпионате.",
    "В результате аварии пострадали 20 человек, житель Павлодара задержан.",
    "Суд арестовал двух жителей Шымкента.",
    "Над полем распылили 20 тонн удобрений.",
    "Для принятия решения требовалось две трети голосов депутатов маслихата.",
    "На треть выросло число ДТП по вине водителей.",
    "В 13 раз команда завоевала кубок страны.",
    "Популярное\nЭкспорт Павлодарской области вырос на 10%\nВ Атырау выделили 5 млрд тенге",
    // a counted noun before a bare number counts it only with what it requires in the sentence
    "В результате 8 человек погибли и не менее 15 получили ранения.",
  ];
  for (const text of cases)
    it(JSON.stringify(text), () => {
      expect(recordsOf(rules, text, P).map(view)).toEqual([]);
    });
});

describe("records: whole articles (territory and period context)", () => {
  /** [value text, indicator, measure, territory (with /place), period "from..to kind" or null] of every record. */
  const brief = (text: string, published: string) =>
    recordsOf(rules, text, published).map((r) => [
      r.value.text,
      r.indicator,
      r.measure,
      `${r.territory?.code ?? "-"}${r.territory?.place ? `/${r.territory.place}` : ""}`,
      r.period ? `${r.period.from ?? ""}..${r.period.to ?? ""} ${r.period.kind}` : null,
    ]);

  it("'этот показатель', 'данный показатель' name the indicator of the figure in the sentences just before, in the same paragraph only", () => {
    const text = [
      "Среднемесячная заработная плата в Казахстане во II квартале 2025 года составила 420 тыс. тенге. В Астане этот показатель – 610 тыс. тенге.",
      "Уровень безработицы в Карагандинской области составил 4,6%. Данный показатель снизился на 0,2 процентного пункта.",
      "",
      "В Алматы этот показатель – 700 тыс. тенге.",
    ].join("\n");
    expect(brief(text, "2025-08-15")).toEqual([
      ["420 тыс. тенге", "avg_monthly_wage", "level", "KZ", "2025-04-01..2025-06-30 actual"],
      ["610 тыс. тенге", "avg_monthly_wage", "level", "KZ-71", "2025-04-01..2025-06-30 actual"],
      ["4,6%", "unemployment_rate", "level", "KZ-35", null],
      ["0,2 процентного пункта", "unemployment_rate", "change", "KZ-35", null],
      // a new paragraph: the reference reaches no figure, and the money is "other"
      ["700 тыс. тенге", "other", "level", "KZ-75", null],
    ]);
    const rec = recordsOf(rules, text, "2025-08-15")[1];
    expect(rec.cue?.text).toBe("этот показатель");
    expect(rec.rules).toContain("indicators.refer_back.1");
  });

  it("'за отчетный период' is the period named before it; a figure after it in its sentence takes it too", () => {
    const text = [
      "В январе-сентябре 2025 года объем промышленного производства в Павлодарской области составил 3,1 трлн тенге.",
      "",
      "За отчетный период в области построено 12 школ. Введено 120 тыс. кв. м жилья за этот период.",
    ].join("\n");
    expect(brief(text, "2025-10-10")).toEqual([
      ["3,1 трлн тенге", "industrial_output", "level", "KZ-55", "2025-01-01..2025-09-30 actual"],
      ["12 школ", "schools", "level", "KZ-55", "2025-01-01..2025-09-30 actual"],
      ["120 тыс. кв. м", "housing", "level", "KZ-55", "2025-01-01..2025-09-30 actual"],
    ]);
  });

  it("a regional report: the region follows 'в регионе', cities, a new paragraph; plans carry to the next sentence", () => {
    const text = [
      "Аким Павлодарской области Асаин Байханов подвел итоги 8 месяцев",
      "",
      "Павлодар. 10 сентября. По итогам восьми месяцев текущего года объем промышленного производства в регионе составил 3,1 трлн тенге. Индекс физического объема – 104,2%.",
      "",
      "В Экибастузе произведено продукции на 900 млрд тенге.",
      "",
      "Построено 12 школ. В стране в целом построено 200 школ.",
      "",
      "До 2030 года в области планируется реализовать 45 инвестиционных проектов на 2,5 трлн тенге. Будет создано более 10 тыс. рабочих мест.",
    ].join("\n");
    expect(brief(text, "2025-09-10")).toEqual([
      ["3,1 трлн тенге", "industrial_output", "level", "KZ-55", "2025-01-01..2025-08-31 actual"],
      ["104,2%", "industrial_output", "level", "KZ-55", "2025-01-01..2025-08-31 actual"],
      ["900 млрд тенге", "industrial_output", "level", "KZ-55/Экибастуз", null],
      ["12 школ", "schools", "level", "KZ-55", null],
      ["200 школ", "schools", "level", "KZ", null],
      ["45 инвестиционных проектов", "investment_projects", "level", "KZ-55", "..2030-12-31 plan"],
      ["2,5 трлн тенге", "investment_projects", "level", "KZ-55", "..2030-12-31 plan"],
      ["10 тыс. рабочих мест", "jobs_created", "level", "KZ-55", "..2030-12-31 plan"],
    ]);
  });

  it("a national report filed from Astana: the dateline does not make it an article about Astana", () => {
    const text = [
      "Рост ВВП Казахстана за семь месяцев",
      "",
      "Астана. 20 августа. Tengrinews.kz - Экономика Казахстана по итогам января-июля 2025 года выросла на 6,3%, сообщило Бюро национальной статистики.",
      "",
      "Инфляция в годовом выражении ускорилась до 12,2%.",
      "",
      "В Алматы средняя зарплата составила 560 тыс. тенге, в Алматинской области – 340 тыс. тенге.",
    ].join("\n");
    expect(brief(text, "2025-08-20")).toEqual([
      ["6,3%", "gdp", "change", "KZ", "2025-01-01..2025-07-31 actual"],
      ["12,2%", "inflation", "level", "KZ", null],
      ["560 тыс. тенге", "avg_monthly_wage", "level", "KZ-75", null],
      ["340 тыс. тенге", "avg_monthly_wage", "level", "KZ-19", null],
    ]);
  });

  it("a regional report filed from its centre keeps the region", () => {
    const text = "ПАВЛОДАР. 10 сентября. КАЗИНФОРМ – По итогам восьми месяцев текущего года объем промышленного производства в регионе составил 3,1 трлн тенге.\n\nИнвестиции в основной капитал выросли на 17%.";
    expect(brief(text, "2025-09-10")).toEqual([
      ["3,1 трлн тенге", "industrial_output", "level", "KZ-55", "2025-01-01..2025-08-31 actual"],
      ["17%", "fixed_capital_investment", "change", "KZ-55", null],
    ]);
  });

  it("a list introduced by a colon takes the period and region of its lead", () => {
    const text = [
      "В 2023 году в Туркестанской области:",
      "- объем ВРП составил 4,1 трлн тенге;",
      "- инвестиции в основной капитал – 1,2 трлн тенге (рост на 18%);",
      "- построено 45 школ на 25 тыс. мест.",
      "",
      "Объем промышленного производства увеличился на 12,4%.",
    ].join("\n");
    expect(brief(text, "2024-02-05")).toEqual([
      ["4,1 трлн тенге", "grp", "level", "KZ-61", "2023-01-01..2023-12-31 actual"],
      ["1,2 трлн тенге", "fixed_capital_investment", "level", "KZ-61", "2023-01-01..2023-12-31 actual"],
      ["18%", "fixed_capital_investment", "change", "KZ-61", "2023-01-01..2023-12-31 actual"],
      ["45 школ", "schools", "level", "KZ-61", "2023-01-01..2023-12-31 actual"],
      ["25 тыс. мест", "schools", "level", "KZ-61", "2023-01-01..2023-12-31 actual"],
      ["12,4%", "industrial_output", "change", "KZ-61", null],
    ]);
  });

  it("'в регионе' after a figure for the country is the article's region again; 'среднереспубликанский' is the country's", () => {
    const text = [
      "В Костанайской области подвели итоги полугодия.",
      "",
      "Средняя зарплата по области – 350 тыс. тенге, по республике – 400 тыс. тенге. Уровень безработицы в регионе составил 4,6%, что ниже среднереспубликанского показателя (4,7%).",
      "",
      "По итогам полугодия область занимает 4-е место по объему производства продукции сельского хозяйства.",
    ].join("\n");
    expect(brief(text, "2025-08-15")).toEqual([
      ["350 тыс. тенге", "avg_monthly_wage", "level", "KZ-39", null],
      ["400 тыс. тенге", "avg_monthly_wage", "level", "KZ", null],
      ["4,6%", "unemployment_rate", "level", "KZ-39", null],
      ["4,7%", "unemployment_rate", "level", "KZ", null],
      ["4-е место", "agri_output", "rank", "KZ-39", "2025-01-01..2025-06-30 actual"],
    ]);
  });

  it("site chrome after the article ('Читайте также' and its headlines) gives nothing", () => {
    const text = "В Мангистауской области введено 620 тыс. кв. метров жилья.\n\nЧитайте также\nЭкспорт Казахстана вырос на 5%\nВ Актау открыли завод на 10 млрд тенге";
    expect(brief(text, "2025-07-18")).toEqual([["620 тыс. кв. метров", "housing", "level", "KZ-47", null]]);
  });
});

