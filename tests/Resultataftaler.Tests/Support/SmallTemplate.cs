using Resultataftaler.Core.Templates;

namespace Resultataftaler.Tests.Support;

/// <summary>A template with one measure per aggregation and period rule, with milestones that suit hand-made data.</summary>
public static class SmallTemplate
{
    public const string Json = """
    {
      "year": 2011,
      "name": "Testaftale",
      "measures": [
        { "code": "DISTINCT", "name": "Vejledte", "aggregation": "distinctCompanies", "filter": { "activities": ["vaekstkortlaegning"] },
          "target": { "annual": 10, "milestones": [2, 4, 6, 10], "yellow": 0.7 } },
        { "code": "COUNT", "name": "Vækstplaner", "aggregation": "count", "filter": { "activities": ["vaekstplan"] },
          "target": { "annual": 4, "milestones": [1, 2, 3, 4] } },
        { "code": "SUM", "name": "Deltagere", "aggregation": "sumQuantity", "filter": { "activities": ["kompetenceudvikling"] },
          "target": { "annual": 100, "milestones": [25, 50, 75, 100], "yellow": 0.85 } },
        { "code": "PERQUARTER", "name": "Arrangementer i kvartalet", "aggregation": "count", "period": "quarter", "filter": { "activities": ["arrangement"] },
          "target": { "annual": 2, "milestones": [2, 2, 2, 2] } },
        { "code": "RATIO", "name": "Henvisningsandel", "aggregation": "ratio", "ratioBasis": "distinctCompanies",
          "filter": { "activities": ["henvisning"] }, "denominator": { "activities": ["vaekstkortlaegning"] },
          "target": { "annual": 60, "milestones": [60, 60, 60, 60] } },
        { "code": "LATESTRATIO", "name": "Privat andel (seneste kvartal)", "aggregation": "ratio", "period": "latest",
          "filter": { "activities": ["henvisning"], "adviser": "privat" }, "denominator": { "activities": ["henvisning"] },
          "target": { "annual": 70, "milestones": [70, 70, 70, 70] } },
        { "code": "SCORE", "name": "Tilfredshed", "aggregation": "scoreShare", "minScore": 4, "filter": { "activities": ["tilfredshed"] },
          "target": { "annual": 60, "milestones": [60, 60, 60, 60] } },
        { "code": "INTL", "name": "Internationale", "aggregation": "distinctCompanies", "filter": { "activities": ["vaekstkortlaegning"], "international": true },
          "target": { "annual": 4, "milestones": [1, 2, 3, 4] } },
        { "code": "MANUAL", "name": "Kendskab", "unit": "procent", "aggregation": "manual",
          "target": { "annual": 60, "milestones": [null, null, null, 60] } }
      ],
      "goals": [
        { "theme": "Tema", "title": "Lokalt mål", "measures": [
          { "code": "LOCAL", "name": "Kommunehenvisninger", "aggregation": "count", "filter": { "activities": ["kommunehenvisning"] },
            "target": { "annual": 4, "milestones": [1, 2, 3, 4] } } ] }
      ]
    }
    """;

    public static AgreementTemplate Load() => TemplateLoader.Parse(Json, "small-test-template.json");
}
