using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Resultataftaler.Web.Localization;

/// <summary>
/// Marks a field with a validation error for assistive technology: aria-invalid, and
/// aria-describedby pointing at its message (the span gets the id "{field}-error").
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the built-in tag helpers, which set the id and name.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = (For ?? ValidationFor)?.Name;
        if (name is null)
        {
            return;
        }

        var id = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", id);
            return;
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", id);
        }
    }
}
