using Cchc.Core.Dossiers;

namespace Cchc.Web.Features.DossierDocuments;

/// <summary>Made-up dossiers for previewing the forms of each rule set (page /Admin/DocumentSamples); printed with the "MẪU" watermark.</summary>
public static class DossierFormSamples
{
    public const string Watermark = "MẪU";

    /// <summary>"61" = a dossier received on 03/03/2025 (NĐ 61/2018); "118" = one received on 06/10/2025 (NĐ 118/2025).</summary>
    public static IReadOnlyList<string> Periods { get; } = ["61", "118"];

    public static DossierRuleSet Rules(string period) => period == "61" ? VietnamDossierRules.Decree61 : VietnamDossierRules.Decree118;

    public static ReceiptSlipData Slip(string period) => period == "61"
        ? new(Rules(period), "Ủy ban nhân dân huyện Thủy Nguyên", "Phòng Giáo dục và Đào tạo", "000.00.12.H26-250303-0001",
            "Nguyễn Thị Ánh Tuyết", "0912 345 678", "Số 5 đường Đà Nẵng, phường Lạch Tray", "Chuyển trường đối với học sinh trung học cơ sở", "1.005097",
            [new("Đơn xin chuyển trường", Originals: 1), new("Học bạ", Originals: 1), new("Giấy giới thiệu chuyển trường", Originals: 1)],
            new DateTime(2025, 3, 3, 10, 0, 0), new DateTime(2025, 3, 10, 10, 0, 0), "Bộ phận Một cửa", "Trần Văn Đức", ProcessingWorkingDays: 5, Place: "Thủy Nguyên")
        : new(Rules(period), "Ủy ban nhân dân thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", "H26.12-251006-0007",
            "Đặng Hữu Phước", "0987 654 321", "Thôn Ỷ La, xã An Lão", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "1.005092",
            [new("Đơn đề nghị cấp bản sao", Originals: 1), new("Căn cước công dân", Copies: 1)],
            new DateTime(2025, 10, 6, 14, 35, 0), new DateTime(2025, 10, 9, 14, 35, 0), "Dịch vụ bưu chính công ích", "Lê Thị Hồng Nhung", ProcessingWorkingDays: 3, Place: "Hải Phòng");

    public static ApologyLetterData Letter(string period) => period == "61"
        ? new(Rules(period), "Ủy ban nhân dân huyện Thủy Nguyên", "Phòng Giáo dục và Đào tạo", "000.00.12.H26-250303-0001",
            "Nguyễn Thị Ánh Tuyết", "Chuyển trường đối với học sinh trung học cơ sở", new DateTime(2025, 3, 10, 10, 0, 0),
            "Trường tiếp nhận chưa gửi ý kiến đồng ý", new DateTime(2025, 3, 14, 16, 0, 0), "Vũ Minh Khải", "Trưởng phòng", new DateOnly(2025, 3, 7), "Thủy Nguyên")
        : new(Rules(period), "Ủy ban nhân dân thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", "H26.12-251006-0007",
            "Đặng Hữu Phước", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", new DateTime(2025, 10, 9, 14, 35, 0),
            "Sổ gốc năm 2009 đang được lưu trữ tại Trường THPT Lê Quý Đôn", new DateTime(2025, 10, 13, 9, 0, 0), "Phạm Thị Thu Hà", "Giám đốc", new DateOnly(2025, 10, 8), "Hải Phòng");
}
