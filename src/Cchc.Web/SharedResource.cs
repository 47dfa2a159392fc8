namespace Cchc.Web;

/// <summary>
/// Marker for the shared texts in Resources/SharedResource.resx (Vietnamese, the default) and
/// SharedResource.en.resx (English). Keys are written Area_Thing (`Nav_Plans`), so that a missing
/// translation shows up as such a key on the page and the browser test catches it.
/// </summary>
public sealed class SharedResource;
