namespace ZkSync.Emulator.Core.Seeding
{
    /// <summary>ASCII first and last names for seeded users (a mix of origins, all plain ASCII so every profile and encoding holds them).</summary>
    internal static class NamePool
    {
        public static readonly string[] First =
        {
            "Anna", "Omar", "Li", "Maria", "Juan", "Aisha", "Ivan", "Sofia", "Kenji", "Fatima", "Lucas", "Mei", "Ahmed", "Elena",
            "Pedro", "Nadia", "Yusuf", "Chloe", "Raj", "Zara", "Diego", "Hana", "Tomas", "Leila", "Arjun", "Ines", "Karim", "Ming",
            "Olga", "Samir", "Lucia", "Emre", "Noor", "Pablo", "Yuki", "Amara", "Viktor", "Rosa", "Hassan", "Julia",
        };

        public static readonly string[] Last =
        {
            "Garcia", "Wang", "Haddad", "Silva", "Kowalski", "Nguyen", "Okafor", "Ivanova", "Tanaka", "Rahman", "Muller", "Rossi",
            "Khan", "Lopez", "Chen", "Mensah", "Petrov", "Santos", "Ali", "Novak", "Sato", "Cohen", "Diaz", "Yilmaz", "Park",
            "Moreau", "Hosseini", "Kim", "Costa", "Abebe",
        };
    }
}
