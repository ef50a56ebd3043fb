import { previousMonth } from '../bulletins.service';

describe('previousMonth', () => {
  it('finds the previous calendar month for the monthly bulletin', () => {
    expect(previousMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousMonth('2025-01-15')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});
