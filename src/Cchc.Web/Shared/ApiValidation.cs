using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Shared;

/// <summary>
/// The one way API input is validated: the DataAnnotations on the input record (the same attributes the
/// pages' ModelState reads), on properties or on a positional record's parameters. Endpoints either add
/// <c>.Validate&lt;TInput&gt;()</c> or call <see cref="Errors"/> themselves.
/// </summary>
public static class ApiValidation
{
    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    /// <summary>Field errors of <paramref name="input"/> (empty when valid); field names as in JSON.</summary>
    public static Dictionary<string, string[]> Errors(object input, JsonNamingPolicy? naming = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in Rules.GetOrAdd(input.GetType(), RulesOf))
        {
            var value = rule.Property.GetValue(input);
            var context = new ValidationContext(input) { MemberName = rule.Property.Name, DisplayName = rule.DisplayName };
            foreach (var attribute in rule.Attributes)
            {
                var result = attribute.GetValidationResult(value, context);
                if (result is null || result == ValidationResult.Success) continue;
                var key = naming?.ConvertName(rule.Property.Name) ?? rule.Property.Name;
                if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
                list.Add(result.ErrorMessage ?? "Giá trị không hợp lệ.");
            }
        }
        if (input is IValidatableObject self)
            foreach (var result in self.Validate(new ValidationContext(input)))
                foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                {
                    var key = member.Length == 0 ? "" : naming?.ConvertName(member) ?? member;
                    if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
                    list.Add(result.ErrorMessage ?? "Giá trị không hợp lệ.");
                }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A 400 ValidationProblem with the Vietnamese title when <paramref name="input"/> is invalid; null when valid.</summary>
    public static IResult? Problem(object input)
    {
        // Field names as the web's JSON (camelCase) writes them.
        var errors = Errors(input, JsonNamingPolicy.CamelCase);
        return errors.Count == 0 ? null : Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);
    }

    /// <summary>Validates the endpoint's <typeparamref name="TInput"/> argument before the handler runs.</summary>
    public static RouteHandlerBuilder Validate<TInput>(this RouteHandlerBuilder builder) where TInput : class =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var naming = ctx.HttpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy;
            foreach (var argument in ctx.Arguments)
                if (argument is TInput input)
                {
                    var errors = Errors(input, naming);
                    if (errors.Count > 0) return Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);
                }
            return await next(ctx);
        }).ProducesValidationProblem();

    private static Rule[] RulesOf(Type type)
    {
        // A positional record's attributes sit on its constructor parameters unless written [property: …].
        var parameters = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.GetCustomAttributes<ValidationAttribute>()).ToArray(), StringComparer.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                var attributes = p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
                if (parameters.TryGetValue(p.Name, out var fromParameter))
                    attributes.AddRange(fromParameter.Where(a => !attributes.Any(x => x.GetType() == a.GetType())));
                var display = p.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? p.Name;
                return new Rule(p, attributes.ToArray(), display);
            })
            .Where(r => r.Attributes.Length > 0)
            .ToArray();
    }

    private sealed record Rule(PropertyInfo Property, ValidationAttribute[] Attributes, string DisplayName);
}
