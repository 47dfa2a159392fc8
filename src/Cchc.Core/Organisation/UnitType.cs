namespace Cchc.Core.Organisation;

/// <summary>The kinds of unit an education department's tree holds (domain.md, "Who uses it").</summary>
public enum UnitType
{
    Department = 1,          // Sở GDĐT
    DepartmentOffice = 2,    // phòng thuộc Sở (Văn phòng, TCCB, KHTC, …)
    DistrictOffice = 3,      // Phòng GDĐT quận/huyện (abolished 01/07/2025)
    Commune = 4,             // UBND xã/phường/đặc khu
    CommuneCultureSociety = 5, // Phòng Văn hóa – Xã hội của UBND xã (from 01/07/2025)
    Kindergarten = 10,       // trường mầm non
    PrimarySchool = 11,      // trường tiểu học
    LowerSecondarySchool = 12, // trường THCS
    UpperSecondarySchool = 13, // trường THPT
    MultiLevelSchool = 14,   // trường nhiều cấp học
    Centre = 15,             // trung tâm GDNN-GDTX, trung tâm khác
    Other = 99,
}
