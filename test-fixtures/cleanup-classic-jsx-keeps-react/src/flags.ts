export declare function useFlags(): { volumeSummaryPage?: boolean };
